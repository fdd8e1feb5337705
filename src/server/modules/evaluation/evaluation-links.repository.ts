import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evaluationPartnerLinks } from './evaluation-links.table';

export type PartnerLinkRow = typeof evaluationPartnerLinks.$inferSelect;

// The evaluation's newest link, live or not: what the division sees, and whom a resend goes to.
export async function selectLatestLink(db: Db, evaluationId: string): Promise<PartnerLinkRow | null> {
  const [row] = await db.select().from(evaluationPartnerLinks).where(eq(evaluationPartnerLinks.evaluationId, evaluationId)).orderBy(desc(evaluationPartnerLinks.createdAt)).limit(1);
  return row ?? null;
}

export async function selectLinkByHash(db: Db, { tokenHash, forUpdate = false }: { tokenHash: string; forUpdate?: boolean }): Promise<PartnerLinkRow | null> {
  const query = db.select().from(evaluationPartnerLinks).where(eq(evaluationPartnerLinks.tokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

// Revokes the evaluation's live link, if any; answers it as it was before.
export async function revokeLiveLink(db: Db, { evaluationId, now }: { evaluationId: string; now: Date }): Promise<PartnerLinkRow | null> {
  const [row] = await db
    .update(evaluationPartnerLinks)
    .set({ revokedAt: now })
    .where(and(eq(evaluationPartnerLinks.evaluationId, evaluationId), isNull(evaluationPartnerLinks.revokedAt)))
    .returning();
  return row ?? null;
}

export async function insertLink(db: Db, values: { evaluationId: string; email: string; tokenHash: string; expiresAt: Date; createdBy: string; now: Date }): Promise<PartnerLinkRow> {
  const { now, ...rest } = values;
  const [row] = await db.insert(evaluationPartnerLinks).values({ ...rest, createdAt: now }).returning();
  if (!row) throw new Error('partner link insert returned nothing');
  return row;
}

export async function setLinkAnswered(db: Db, { id, now }: { id: string; now: Date }): Promise<void> {
  await db.update(evaluationPartnerLinks).set({ answeredAt: now }).where(eq(evaluationPartnerLinks.id, id));
}
