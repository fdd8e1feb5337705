import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { proposalLinks } from '../core/proposals.table';

export type LinkRow = typeof proposalLinks.$inferSelect;

// Revokes the proposal's unrevoked links of one purpose; answers how many.
export async function revokeOpenLinks(db: Db, options: { proposalId: string; purpose: LinkRow['purpose']; now: Date }): Promise<number> {
  const rows = await db
    .update(proposalLinks)
    .set({ revokedAt: options.now })
    .where(and(eq(proposalLinks.proposalId, options.proposalId), eq(proposalLinks.purpose, options.purpose), isNull(proposalLinks.revokedAt)))
    .returning({ id: proposalLinks.id });
  return rows.length;
}

export async function insertLink(db: Db, values: typeof proposalLinks.$inferInsert): Promise<void> {
  await db.insert(proposalLinks).values(values);
}

export async function findLinkByHash(db: Db, options: { tokenHash: string; purpose: LinkRow['purpose']; lock?: boolean }): Promise<LinkRow | undefined> {
  const query = db.select().from(proposalLinks).where(and(eq(proposalLinks.tokenHash, options.tokenHash), eq(proposalLinks.purpose, options.purpose)));
  const [link] = options.lock ? await query.for('update') : await query;
  return link;
}

export async function setLinkUsed(db: Db, { linkId, now }: { linkId: string; now: Date }): Promise<void> {
  await db.update(proposalLinks).set({ usedAt: now }).where(eq(proposalLinks.id, linkId));
}
