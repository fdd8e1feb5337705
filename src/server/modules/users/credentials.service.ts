import type { SessionUser } from '../../../shared/roles';
import type { Db } from '../../db/client';
import {
  deleteSession,
  deleteSessionsExpiredBefore,
  deleteOtherSessionsOfUser,
  deleteSessionsOfUser,
  incrementFailedLogins,
  insertSession,
  resetFailedLoginsUnlessLocked,
  selectLiveSession,
  selectLockedUntil,
  updateSessionTimes,
} from './credentials.repository';
import { selectUserByEmail, type UserRow } from './users.repository';

// What signing in reads and writes of an account: its password hash, its failed-login lock and its
// sessions. The rules (how many failures lock, for how long, how long a session lasts, how its token
// is made) are the auth module's; this is the store it keeps them in, so users never needs auth.

export type LoginAccount = { user: SessionUser; passwordHash: string; isActive: boolean; lockedUntil: Date | null };
export type LiveSession = { user: SessionUser; isActive: boolean; lastSeenAt: Date };
export type LoginLockRelease = { isReleased: true } | { isReleased: false; lockedUntil: Date | null };

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, unitId: row.unitId };
}

// The e-mail as stored: trimmed and lower-cased by the caller.
export async function findLoginAccount(db: Db, email: string): Promise<LoginAccount | null> {
  const row = await selectUserByEmail(db, email);
  if (!row) return null;
  return { user: toSessionUser(row), passwordHash: row.passwordHash, isActive: row.isActive, lockedUntil: row.lockedUntil };
}

export async function countFailedLogin(db: Db, failure: { userId: string; limit: number; lockUntil: Date }): Promise<void> {
  await incrementFailedLogins(db, failure);
}

// After the right password: clears the count, unless a lock was set meanwhile (then says until when).
export async function releaseLoginLock(db: Db, login: { userId: string; now: Date }): Promise<LoginLockRelease> {
  if (await resetFailedLoginsUnlessLocked(db, login)) return { isReleased: true };
  return { isReleased: false, lockedUntil: await selectLockedUntil(db, login.userId) };
}

// Opening a session also sweeps away the expired ones, so the table does not grow without end.
export async function openSession(db: Db, session: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  const { now, ...rest } = session;
  await insertSession(db, { ...rest, createdAt: now, lastSeenAt: now });
  await deleteSessionsExpiredBefore(db, now);
}

export async function findLiveSession(db: Db, lookup: { tokenHash: string; now: Date }): Promise<LiveSession | null> {
  const row = await selectLiveSession(db, lookup);
  if (!row) return null;
  return { user: toSessionUser(row.user), isActive: row.user.isActive, lastSeenAt: row.lastSeenAt };
}

export async function extendSession(db: Db, session: { tokenHash: string; lastSeenAt: Date; expiresAt: Date }): Promise<void> {
  await updateSessionTimes(db, session);
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}

// A deactivated account, a changed role or a reset password ends every open session.
export async function endSessionsOfUser(db: Db, userId: string): Promise<void> {
  await deleteSessionsOfUser(db, userId);
}

export async function endOtherSessionsOfUser(db: Db, options: { userId: string; keepTokenHash: string }): Promise<number> {
  return deleteOtherSessionsOfUser(db, options);
}
