import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canEditProcedures, canReadProcedures } from './procedures.policy';

const UNIT = '11111111-1111-4111-8111-111111111111';

function actor(role: Role): Actor {
  return { id: `${role}-id`, email: `${role}@jalin.local`, name: role, role, unitId: role === 'opd' ? UNIT : null };
}

// Rows: each role; columns: read the procedures, edit them.
const EXPECTED: Record<Role, [boolean, boolean]> = {
  admin: [true, true],
  tkksd: [true, false],
  opd: [true, false],
  pimpinan: [true, false],
};

describe('procedures policy matrix', () => {
  for (const role of ROLES) {
    const [read, edit] = EXPECTED[role];
    it(`${role} ${read ? 'may' : 'may not'} read the procedures`, () => {
      expect(canReadProcedures(actor(role))).toBe(read);
    });
    it(`${role} ${edit ? 'may' : 'may not'} edit the procedures`, () => {
      expect(canEditProcedures(actor(role))).toBe(edit);
    });
  }
});
