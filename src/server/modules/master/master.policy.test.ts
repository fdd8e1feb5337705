import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canEditMasterData, canMergeUnits, canReadMasterData } from './master.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

// An anonymous caller is stopped by the route (401).
describe('master data permissions', () => {
  expectMatrix(actors, [
    ['read master data', canReadMasterData, { admin: true, tkksd: true, opd: true, pimpinan: true }],
    ['edit master data', canEditMasterData, { admin: true, tkksd: false, opd: false, pimpinan: false }],
    ['merge OPDs', canMergeUnits, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);
});
