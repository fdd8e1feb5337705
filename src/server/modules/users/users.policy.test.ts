import { describe, expect, it } from 'vitest';
import { actorOf as actor, expectMatrix } from '../../../../tests/support/policy-matrix';
import type { Role } from '../../../shared/roles';
import { canManageUsers, changeEndsSessions, isOwnDeactivationOrDemotion, roleNeedsUnit } from './users.policy';

// Every role: a new role fails to compile here until it has its row.
const actors = { admin: actor('admin'), tkksd: actor('tkksd'), opd: actor('opd'), pimpinan: actor('pimpinan') } satisfies Record<Role, unknown>;

// An anonymous caller is stopped by the route (401).
describe('user administration permissions', () => {
  expectMatrix(actors, [
    ['manage users (list, create, change, send an invitation)', canManageUsers, { admin: true, tkksd: false, opd: false, pimpinan: false }],
    ['an account with this role must be bound to an OPD', (who) => roleNeedsUnit(who.role), { admin: false, tkksd: false, opd: true, pimpinan: false }],
  ]);
});

describe("changing one's own account", () => {
  const admin = actors.admin;
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
