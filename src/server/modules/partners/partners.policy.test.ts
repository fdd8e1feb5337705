import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canEditPartners, canReadPartners } from './partners.policy';

// Every role × every action on the registry's partners.
const actor = (role: Role): Actor => ({ id: role, email: `${role}@jalin.local`, name: role, role, unitId: role === 'opd' ? '11111111-1111-4111-8111-111111111111' : null });

const ACTIONS = { read: canReadPartners, edit: canEditPartners } satisfies Record<string, (actor: Actor) => boolean>;
type Action = keyof typeof ACTIONS;

const Y = true;
const N = false;
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  read: { admin: Y, tkksd: Y, opd: Y, pimpinan: Y },
  edit: { admin: Y, tkksd: N, opd: N, pimpinan: N },
};

describe('partners policy matrix', () => {
  for (const action of Object.keys(ACTIONS) as Action[]) {
    for (const role of ROLES) {
      it(`${role} × ${action}`, () => {
        expect(ACTIONS[action](actor(role))).toBe(EXPECTED[action][role]);
      });
    }
  }
});
