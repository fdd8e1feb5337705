import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canReadEvaluationForm, canReviseEvaluationForm } from './evaluation.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: role === 'opd' ? 'unit-id' : null });

const ACTIONS: [string, (actor: Actor) => boolean][] = [
  ['read the evaluation form', canReadEvaluationForm],
  ['revise the evaluation form', canReviseEvaluationForm],
];

// Rows: role; columns in ACTIONS order. An anonymous caller is stopped by the route (401).
const EXPECTED: Record<Role, [boolean, boolean]> = {
  admin: [true, true],
  tkksd: [true, false],
  opd: [true, false],
  pimpinan: [true, false],
};

describe('evaluation form permissions', () => {
  for (const role of ROLES) {
    ACTIONS.forEach(([action, allows], index) => {
      const expected = EXPECTED[role][index];
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(allows(actorOf(role))).toBe(expected);
      });
    });
  }
});
