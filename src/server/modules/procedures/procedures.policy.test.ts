import { describe } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canEditProcedures, canReadProcedures } from './procedures.policy';

const UNIT = '11111111-1111-4111-8111-111111111111';
// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd', UNIT), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

describe('procedures policy matrix', () => {
  expectMatrix(actors, [
    ['read the procedures', canReadProcedures, { admin: true, tkksd: true, opd: true, pimpinan: true }],
    ['edit the procedures', canEditProcedures, { admin: true, tkksd: false, opd: false, pimpinan: false }],
  ]);
});
