import { and, count, eq, gt, gte, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordLinks } from './password-links.table';
import { users } from './users.table';
import type { UserRow } from './users.repository';

export type PasswordLinkPurpose = (typeof passwordLinks.$inferSelect)['purpose'];
export type PasswordLinkRow = typeof passwordLinks.$inferSelect;

export async function insertPasswordLink(db: Db, values: typeof passwordLinks.$inferInsert): Promise<void> {
  await db.insert(passwordLinks).values(values);
}

// A new link of a purpose replaces the earlier ones still unused: only the newest mail works.
export async function retireUnusedLinks(db: Db, options: { userId: string; purpose?: PasswordLinkPurpose; now: Date }): Promise<void> {
  const purpose = options.purpose ? eq(passwordLinks.purpose, options.purpose) : undefined;
  await db
    .update(passwordLinks)
    .set({ usedAt: options.now })
    .where(and(eq(passwordLinks.userId, options.userId), isNull(passwordLinks.usedAt), purpose));
}

// Expired reset links are of no use to anyone; unused invitations stay, so the admin still sees one is pending.
export async function deleteExpiredResetLinks(db: Db, now: Date): Promise<void> {
  await db.delete(passwordLinks).where(and(eq(passwordLinks.purpose, 'reset'), lt(passwordLinks.expiresAt, now)));
}

export async function countLinksSince(db: Db, options: { userId: string; purpose: PasswordLinkPurpose; since: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordLinks)
    .where(and(eq(passwordLinks.userId, options.userId), eq(passwordLinks.purpose, options.purpose), gte(passwordLinks.createdAt, options.since)));
  return row?.n ?? 0;
}

export async function selectLinkWithUser(db: Db, tokenHash: string): Promise<{ link: PasswordLinkRow; user: UserRow } | null> {
  const [row] = await db.select({ link: passwordLinks, user: users }).from(passwordLinks).innerJoin(users, eq(users.id, passwordLinks.userId)).where(eq(passwordLinks.tokenHash, tokenHash));
  return row ?? null;
}

// One conditional statement, so two requests with the same link cannot both use it.
export async function consumeLink(db: Db, options: { tokenHash: string; now: Date }): Promise<boolean> {
  const [used] = await db
    .update(passwordLinks)
    .set({ usedAt: options.now })
    .where(and(eq(passwordLinks.tokenHash, options.tokenHash), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, options.now)))
    .returning({ tokenHash: passwordLinks.tokenHash });
  return Boolean(used);
}

export async function selectUserIdsWithUnusedInvitation(db: Db, userId?: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ userId: passwordLinks.userId })
    .from(passwordLinks)
    .where(and(eq(passwordLinks.purpose, 'invite'), isNull(passwordLinks.usedAt), userId ? eq(passwordLinks.userId, userId) : undefined));
  return new Set(rows.map((row) => row.userId));
}
