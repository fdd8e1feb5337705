import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canReadStats } from './stats.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: null });

// Rows: who; column: read the statistics (and their export). "command line" is the null actor of a
// command run on the server itself; an anonymous web caller is stopped by the route (401) first.
const EXPECTED: Record<Role | 'command line', boolean> = {
  admin: true,
  tkksd: true,
  opd: true,
  pimpinan: true,
  'command line': true,
};

describe('statistics permissions', () => {
  for (const role of ROLES) {
    it(`${role} ${EXPECTED[role] ? 'may' : 'may not'} read the statistics`, () => {
      expect(canReadStats(actorOf(role))).toBe(EXPECTED[role]);
    });
  }

  it('lets the command line on the server read the statistics', () => {
    expect(canReadStats(null)).toBe(EXPECTED['command line']);
  });
});
