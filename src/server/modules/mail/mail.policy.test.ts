import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canReadOutbox } from './mail.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: null });

// Held mail may carry an outside initiator's private link. An anonymous caller is stopped by the route (401).
const EXPECTED: Record<Role, { readOutbox: boolean }> = {
  admin: { readOutbox: true },
  tkksd: { readOutbox: false },
  opd: { readOutbox: false },
  pimpinan: { readOutbox: false },
};

describe('outbox permissions', () => {
  for (const role of ROLES) {
    const expected = EXPECTED[role].readOutbox;
    it(`${role} ${expected ? 'may' : 'may not'} read the outbox`, () => {
      expect(canReadOutbox(actorOf(role))).toBe(expected);
    });
  }
});
