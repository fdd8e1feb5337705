import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';
import { canManageUsers, changeEndsSessions, isOwnDeactivationOrDemotion, roleNeedsUnit } from './users.policy';

const actorOf = (role: Role): Actor => ({ id: `${role}-id`, email: `${role}@uji`, name: role, role, unitId: null });

// Rows: role; columns: may manage accounts (list, create, change), must be bound to one OPD.
// An anonymous caller is stopped by the route (401).
const EXPECTED: Record<Role, { manageUsers: boolean; needsUnit: boolean }> = {
  admin: { manageUsers: true, needsUnit: false },
  tkksd: { manageUsers: false, needsUnit: false },
  opd: { manageUsers: false, needsUnit: true },
  pimpinan: { manageUsers: false, needsUnit: false },
};

describe('user administration permissions', () => {
  for (const role of ROLES) {
    const { manageUsers, needsUnit } = EXPECTED[role];
    it(`${role} ${manageUsers ? 'may' : 'may not'} manage users`, () => {
      expect(canManageUsers(actorOf(role))).toBe(manageUsers);
    });
    it(`an account with role ${role} ${needsUnit ? 'must' : 'need not'} be bound to an OPD`, () => {
      expect(roleNeedsUnit(role)).toBe(needsUnit);
    });
  }
});

describe("changing one's own account", () => {
  const admin = actorOf('admin');
  // [change, own account refused, another account refused]
  const CASES: [string, { isActive?: boolean; role?: Role }, boolean, boolean][] = [
    ['deactivate', { isActive: false }, true, false],
    ['reactivate', { isActive: true }, false, false],
    ['keep the admin role', { role: 'admin' }, false, false],
    ['make tkksd', { role: 'tkksd' }, true, false],
    ['make opd', { role: 'opd' }, true, false],
    ['make pimpinan', { role: 'pimpinan' }, true, false],
    ['rename only', {}, false, false],
  ];
  for (const [what, change, ownRefused, otherRefused] of CASES) {
    it(`${ownRefused ? 'refuses' : 'allows'} "${what}" on the admin's own account and ${otherRefused ? 'refuses' : 'allows'} it on another`, () => {
      expect(isOwnDeactivationOrDemotion(admin, { userId: admin.id, ...change })).toBe(ownRefused);
      expect(isOwnDeactivationOrDemotion(admin, { userId: 'someone-else', ...change })).toBe(otherRefused);
    });
  }
});

describe('changes that end open sessions', () => {
  const before = { role: 'tkksd' as const };
  // [change, ends the account's sessions]
  const CASES: [string, { isActive?: boolean; role?: Role; hasNewPassword: boolean }, boolean][] = [
    ['a new password', { hasNewPassword: true }, true],
    ['deactivation', { isActive: false, hasNewPassword: false }, true],
    ['a different role', { role: 'opd', hasNewPassword: false }, true],
    ['the same role again', { role: 'tkksd', hasNewPassword: false }, false],
    ['reactivation', { isActive: true, hasNewPassword: false }, false],
    ['a new name only', { hasNewPassword: false }, false],
  ];
  for (const [what, change, ends] of CASES) {
    it(`${ends ? 'ends' : 'keeps'} them on ${what}`, () => {
      expect(changeEndsSessions(before, change)).toBe(ends);
    });
  }
});
