import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../../../shared/roles';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import { DUMMY_HASH, verifyPassword } from '../../lib/passwords';
import { recordAudit } from '../audit/audit.service';
import { users } from '../users/users.table';
import { sessions } from './auth.table';

export const SESSION_COOKIE = 'jalin_session';
export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toSessionUser(row: typeof users.$inferSelect): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role, unitId: row.unitId };
}

const wrongCredentials = () =>
  new AppError({
    code: 'UNAUTHENTICATED',
    message: 'E-mail atau kata sandi salah.',
    messageEn: 'Wrong e-mail or password.',
  });

function lockedOut(lockedUntil: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError({
    code: 'TOO_MANY_REQUESTS',
    message: `Terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`,
    messageEn: `Too many failed attempts. Try again in ${minutes} minutes.`,
    details: { retryAfterSeconds: seconds },
  });
}

// One statement counts the failure and sets the lock, so concurrent wrong passwords cannot
// each read the same count and write back the same "one more" (a read-then-write lost update).
async function countFailedLogin(db: Db, userId: string, now: Date): Promise<void> {
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}`;
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60000);
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}

export async function login(
  db: Db,
  input: { email: string; password: string },
  now: Date,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || !user.isActive) {
    await verifyPassword(DUMMY_HASH, input.password);
    throw wrongCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedOut(user.lockedUntil, now);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailedLogin(db, user.id, now);
    throw wrongCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    // Conditional on the lock, so failures counted while this password was being hashed still win.
    const [open] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
      .returning({ id: users.id });
    if (!open) {
      const [current] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
      throw lockedOut(current?.lockedUntil ?? now, now);
    }
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, lastSeenAt: now });
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await recordAudit(tx, { actor: toSessionUser(user), entity: 'user', entityId: user.id, action: 'login', at: now });
  });
  return { token, user: toSessionUser(user), expiresAt };
}

export async function findSessionUser(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row || !row.user.isActive) return null;
  // Sliding expiry, written at most every few minutes to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return toSessionUser(row.user);
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function endSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
