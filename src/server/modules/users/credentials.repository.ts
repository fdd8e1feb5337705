import { and, eq, gt, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from './sessions.table';
import { users } from './users.table';
import type { UserRow } from './users.repository';

// One statement counts the failure and sets the lock, so concurrent wrong passwords cannot
// each read the same count and write back the same "one more" (a read-then-write lost update).
export async function incrementFailedLogins(db: Db, options: { userId: string; limit: number; lockUntil: Date }): Promise<void> {
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${options.limit}`;
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${options.lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, options.userId));
}

// Conditional on the lock, so failures counted while the password was being hashed still win.
export async function resetFailedLoginsUnlessLocked(db: Db, options: { userId: string; now: Date }): Promise<boolean> {
  const [open] = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, options.userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, options.now))))
    .returning({ id: users.id });
  return Boolean(open);
}

export async function selectLockedUntil(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil ?? null;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSessionsExpiredBefore(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function selectLiveSession(db: Db, options: { tokenHash: string; now: Date }): Promise<{ user: UserRow; lastSeenAt: Date } | null> {
  const [row] = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, options.tokenHash), gt(sessions.expiresAt, options.now)));
  return row ?? null;
}

export async function updateSessionTimes(db: Db, options: { tokenHash: string; lastSeenAt: Date; expiresAt: Date }): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: options.lastSeenAt, expiresAt: options.expiresAt }).where(eq(sessions.tokenHash, options.tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// Every session of the account but the one in use: "sign out of other devices", and a password
// changed by its owner.
export async function deleteOtherSessionsOfUser(db: Db, options: { userId: string; keepTokenHash: string }): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, options.userId), ne(sessions.tokenHash, options.keepTokenHash)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
