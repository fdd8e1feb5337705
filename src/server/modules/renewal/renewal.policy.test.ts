import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import { canDecideRenewal, canDraftExtensionLetter, canReadRenewal } from './renewal.policy';

const LEAD = '11111111-1111-4111-8111-111111111111';
const OTHER = '33333333-3333-4333-8333-333333333333';
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opdLead: actor('opd', LEAD), opdOther: actor('opd', OTHER), pimpinan: actor('pimpinan') };
const agreement = { unitIds: [LEAD] };

describe('renewal policy: role × action', () => {
  expectMatrix(actors, [
    ['read where an agreement’s renewal stands', (who) => canReadRenewal(who, agreement), { admin: true, tkksd: true, opdLead: true, opdOther: false, pimpinan: true }],
    ['record a renewal decision', canDecideRenewal, { admin: true, tkksd: false, opdLead: false, opdOther: false, pimpinan: false }],
    ['draft a foreign cooperation’s extension letter', canDraftExtensionLetter, { admin: true, tkksd: true, opdLead: false, opdOther: false, pimpinan: false }],
  ]);
});
