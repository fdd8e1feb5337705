import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canImport } from './imports.policy';

// Every role × importing a register, and the command line (no actor), which imports too.
const actor = (role: Role): Actor => ({ id: role, email: `${role}@jalin.local`, name: role, role, unitId: role === 'opd' ? '11111111-1111-4111-8111-111111111111' : null });

const Y = true;
const N = false;
const EXPECTED: Record<Role | 'command_line', boolean> = { admin: Y, tkksd: N, opd: N, pimpinan: N, command_line: Y };

describe('imports policy matrix', () => {
  for (const role of ROLES) {
    it(`${role} × import`, () => {
      expect(canImport(actor(role))).toBe(EXPECTED[role]);
    });
  }

  it('command line × import', () => {
    expect(canImport(null)).toBe(EXPECTED.command_line);
  });
});
