import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import {
  canAcknowledgePackage,
  canApprovePublication,
  canPreparePackage,
  canPublishPackage,
  canReadEvents,
  canReadPackage,
  canReadTracking,
  canRecordEvent,
  hidesRefusedPackage,
  openingRecordedFor,
} from './dissemination.policy';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opdOwn: actor('opd', OWN),
  pimpinan: actor('pimpinan'),
};

describe('dissemination policy: role × action', () => {
  const published = { status: 'published' as const, recipientUnitIds: [OWN] };
  const draft = { status: 'draft' as const, recipientUnitIds: [] };
  expectMatrix(actors, [
    ['prepare a package', canPreparePackage, { admin: true, tkksd: true, opdOwn: false, pimpinan: false }],
    ['publish a package', canPublishPackage, { admin: true, tkksd: false, opdOwn: false, pimpinan: false }],
    ["approve another person's publication request", (who) => canApprovePublication(who, { requestedBy: OTHER }), { admin: true, tkksd: true, opdOwn: false, pimpinan: false }],
    ['approve its own publication request', (who) => canApprovePublication(who, { requestedBy: who.id }), { admin: false, tkksd: false, opdOwn: false, pimpinan: false }],
    ['approve when nothing was requested', (who) => canApprovePublication(who, { requestedBy: null }), { admin: false, tkksd: false, opdOwn: false, pimpinan: false }],
    ['read a draft package', (who) => canReadPackage(who, draft), { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
    ['read a published package', (who) => canReadPackage(who, published), { admin: true, tkksd: true, opdOwn: true, pimpinan: true }],
    ['acknowledge for its own OPD', (who) => canAcknowledgePackage(who, published), { admin: false, tkksd: false, opdOwn: true, pimpinan: false }],
    ['read the tracking table', canReadTracking, { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
    ['record a sosialisasi', canRecordEvent, { admin: true, tkksd: true, opdOwn: false, pimpinan: false }],
    ['read sosialisasi records', canReadEvents, { admin: true, tkksd: true, opdOwn: true, pimpinan: true }],
    ['is told a refused package does not exist', hidesRefusedPackage, { admin: false, tkksd: false, opdOwn: true, pimpinan: false }],
    ['has its first opening recorded', (who) => openingRecordedFor(who) !== null, { admin: false, tkksd: false, opdOwn: true, pimpinan: false }],
  ]);

  it('records an OPD liaison\'s first opening for its own OPD', () => {
    expect(openingRecordedFor(actors.opdOwn)).toBe(OWN);
    expect(openingRecordedFor(actor('opd'))).toBeNull();
  });

  it('lets an OPD acknowledge only a published package that names it', () => {
    expect(canAcknowledgePackage(actor('opd', OTHER), published)).toBe(false);
    expect(canAcknowledgePackage(actors.opdOwn, { status: 'review', recipientUnitIds: [OWN] })).toBe(false);
  });
});
