import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canDismissPartnerDuplicates, canEditPartners, canReadPartners } from './partners.policy';

// Every role × every action on the registry's partners; a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', '11111111-1111-4111-8111-111111111111'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

describe('partners policy matrix', () => {
  expectMatrix(actors, [
    ['read', canReadPartners, { admin: true, tkksd: true, opd: true, pimpinan: true }],
    ['edit', canEditPartners, { admin: true, tkksd: false, opd: false, pimpinan: false }],
    ['dismiss a duplicate pair', canDismissPartnerDuplicates, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);
});
