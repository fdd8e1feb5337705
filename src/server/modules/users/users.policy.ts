import type { Role } from '../../../shared/roles';
import type { Actor } from '../../lib/context';

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

// An OPD liaison always speaks for exactly one OPD (the users table checks the same).
export function roleNeedsUnit(role: Role): boolean {
  return role === 'opd';
}

// Nobody deactivates or demotes their own account, so the division cannot lock itself out by mistake.
export function isOwnDeactivationOrDemotion(actor: Actor, change: { userId: string; isActive?: boolean | undefined; role?: Role | undefined }): boolean {
  if (change.userId !== actor.id) return false;
  return change.isActive === false || (change.role !== undefined && change.role !== 'admin');
}

// A deactivated account, a changed role or a reset password ends every open session: whoever
// holds one keeps no right the account has just lost.
export function changeEndsSessions(before: { role: Role } | null, change: { isActive?: boolean | undefined; role?: Role | undefined; hasNewPassword: boolean }): boolean {
  return change.hasNewPassword || change.isActive === false || (change.role !== undefined && change.role !== before?.role);
}
