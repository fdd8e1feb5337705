import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canEditMasterData, canReadMasterData } from './master.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: null });

const ACTIONS: [string, (actor: Actor) => boolean][] = [
  ['read master data', canReadMasterData],
  ['edit master data', canEditMasterData],
];

// Rows: role; columns in ACTIONS order: read, edit. An anonymous caller is stopped by the route (401).
const EXPECTED: Record<Role, [boolean, boolean]> = {
  admin: [true, true],
  tkksd: [true, false],
  opd: [true, false],
  pimpinan: [true, false],
};

describe('master data permissions', () => {
  for (const role of ROLES) {
    ACTIONS.forEach(([action, allows], index) => {
      const expected = EXPECTED[role][index];
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(allows(actorOf(role))).toBe(expected);
      });
    });
  }
});
