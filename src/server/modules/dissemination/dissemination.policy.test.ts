import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/context';
import { canReadGap, canReadInbox, canReadPlansOf, canWritePlan } from '../plans/plans.policy';
import { canAcknowledgePackage, canPreparePackage, canPublishPackage, canReadEvents, canReadPackage, canReadTracking, canRecordEvent } from './dissemination.policy';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (role: Actor['role'], unitId: string | null = null): Actor => ({ id: 'u', email: 'x@y.z', name: 'X', role, unitId });

const actors = {
  admin: actor('admin'),
  tkksd: actor('tkksd'),
  opdOwn: actor('opd', OWN),
  pimpinan: actor('pimpinan'),
};

describe('dissemination and plans policy: role × action', () => {
  const published = { status: 'published' as const, recipientUnitIds: [OWN] };
  const draft = { status: 'draft' as const, recipientUnitIds: [] };
  const matrix: [string, (who: Actor) => boolean, Record<keyof typeof actors, boolean>][] = [
    ['prepare a package', canPreparePackage, { admin: true, tkksd: true, opdOwn: false, pimpinan: false }],
    ['publish a package', canPublishPackage, { admin: true, tkksd: false, opdOwn: false, pimpinan: false }],
    ['read a draft package', (who) => canReadPackage(who, draft), { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
    ['read a published package', (who) => canReadPackage(who, published), { admin: true, tkksd: true, opdOwn: true, pimpinan: true }],
    ['acknowledge for its own OPD', (who) => canAcknowledgePackage(who, published), { admin: false, tkksd: false, opdOwn: true, pimpinan: false }],
    ['read the tracking table', canReadTracking, { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
    ['record a sosialisasi', canRecordEvent, { admin: true, tkksd: true, opdOwn: false, pimpinan: false }],
    ['read sosialisasi records', canReadEvents, { admin: true, tkksd: true, opdOwn: true, pimpinan: true }],
    ['plan for the own OPD', (who) => canWritePlan(who, OWN), { admin: true, tkksd: false, opdOwn: true, pimpinan: false }],
    ['plan for another OPD', (who) => canWritePlan(who, OTHER), { admin: true, tkksd: false, opdOwn: false, pimpinan: false }],
    ['read the own OPD plans', (who) => canReadPlansOf(who, OWN), { admin: true, tkksd: true, opdOwn: true, pimpinan: true }],
    ['read another OPD plans', (who) => canReadPlansOf(who, OTHER), { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
    ['read the OPD inbox', canReadInbox, { admin: false, tkksd: false, opdOwn: true, pimpinan: false }],
    ['read the gap dashboard', canReadGap, { admin: true, tkksd: true, opdOwn: false, pimpinan: true }],
  ];
  for (const [action, rule, expected] of matrix) {
    it(action, () => {
      for (const [name, who] of Object.entries(actors)) expect(rule(who), `${name}: ${action}`).toBe(expected[name as keyof typeof actors]);
    });
  }

  it('lets an OPD acknowledge only a published package that names it', () => {
    expect(canAcknowledgePackage(actor('opd', OTHER), published)).toBe(false);
    expect(canAcknowledgePackage(actors.opdOwn, { status: 'review', recipientUnitIds: [OWN] })).toBe(false);
  });
});
