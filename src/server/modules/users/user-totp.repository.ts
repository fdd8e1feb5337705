import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userTotp } from './user-totp.table';

export type UserTotpRow = typeof userTotp.$inferSelect;

export async function selectUserTotp(db: Db, userId: string): Promise<UserTotpRow | null> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row ?? null;
}

// A new secret to prove; a secret already in use stays in use until the new one is proved.
export async function upsertPendingSecret(db: Db, userId: string, pendingSecret: string): Promise<void> {
  await db.insert(userTotp).values({ userId, pendingSecret }).onConflictDoUpdate({ target: userTotp.userId, set: { pendingSecret } });
}

// Only while the pending secret is still the one the code was checked against.
export async function promotePendingSecret(db: Db, row: { userId: string; secret: string; enabledAt: Date; lastStep: number }): Promise<boolean> {
  const done = await db
    .update(userTotp)
    .set({ secret: row.secret, pendingSecret: null, enabledAt: row.enabledAt, lastStep: row.lastStep })
    .where(and(eq(userTotp.userId, row.userId), eq(userTotp.pendingSecret, row.secret)))
    .returning({ userId: userTotp.userId });
  return done.length > 0;
}

// One statement takes the step, so two sign-ins racing with the same code cannot both pass.
export async function claimStep(db: Db, userId: string, step: number): Promise<boolean> {
  const done = await db
    .update(userTotp)
    .set({ lastStep: step })
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.secret), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return done.length > 0;
}

// Says whether a secret was in use (a set-up never finished turned nothing on).
export async function deleteUserTotp(db: Db, userId: string): Promise<boolean> {
  const done = await db.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ secret: userTotp.secret });
  return done.some((row) => row.secret !== null);
}

export async function selectTwoStepUserIds(db: Db): Promise<string[]> {
  const rows = await db.select({ userId: userTotp.userId }).from(userTotp).where(isNotNull(userTotp.secret));
  return rows.map((row) => row.userId);
}
