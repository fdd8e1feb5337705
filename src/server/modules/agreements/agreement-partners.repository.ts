import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { groupBy } from '../../lib/group-by';
import { partners } from '../partners/partners.table';
import { agreementPartners, agreements } from './agreements.table';

// The agreements' side of partners: how many agreements each has, which ones, and the links a merge
// or a corrected category moves.

export async function agreementCountsOf(db: Db, partnerIds: string[]): Promise<Map<string, number>> {
  if (partnerIds.length === 0) return new Map();
  const rows = await db
    .select({ partnerId: agreementPartners.partnerId, count: sql<number>`count(*)::int` })
    .from(agreementPartners)
    .where(inArray(agreementPartners.partnerId, partnerIds))
    .groupBy(agreementPartners.partnerId);
  return new Map(rows.map((row) => [row.partnerId, row.count]));
}

export async function agreementIdsOfPartner(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.select({ id: agreementPartners.agreementId }).from(agreementPartners).where(eq(agreementPartners.partnerId, partnerId));
  return rows.map((row) => row.id);
}

// readable: the actor's draft visibility as SQL over `agreements` (agreements.policy.ts).
export async function partnerAgreementRows(db: Db, { partnerId, readable }: { partnerId: string; readable: SQL }) {
  return db
    .select({
      id: agreements.id,
      title: agreements.title,
      docType: agreements.docType,
      numberOurs: agreements.numberOurs,
      signedOn: agreements.signedOn,
      isDraft: agreements.isDraft,
      endsOn: agreements.endsOn,
      terminationKind: agreements.terminationKind,
      terminatedOn: agreements.terminatedOn,
      position: agreementPartners.position,
    })
    .from(agreements)
    .innerJoin(agreementPartners, eq(agreementPartners.agreementId, agreements.id))
    .where(and(eq(agreementPartners.partnerId, partnerId), readable))
    .orderBy(desc(agreements.signedOn), asc(agreements.title));
}

export type PartnerLink = { agreementId: string; partnerId: string; position: number; name: string; categoryCode: string };

// The partner lists of these agreements, each in order (the primary partner first).
export async function partnerLinksOf(db: Db, agreementIds: string[]): Promise<Map<string, PartnerLink[]>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db
    .select({
      agreementId: agreementPartners.agreementId,
      partnerId: agreementPartners.partnerId,
      position: agreementPartners.position,
      name: partners.name,
      categoryCode: partners.categoryCode,
    })
    .from(agreementPartners)
    .innerJoin(partners, eq(partners.id, agreementPartners.partnerId))
    .where(inArray(agreementPartners.agreementId, agreementIds))
    .orderBy(asc(agreementPartners.position));
  return groupBy(rows, (row) => row.agreementId);
}

// A partner list changed under the agreement: its primary category follows, and its version moves on
// so that anyone editing it meanwhile has their save refused.
export async function bumpAfterPartnerChange(db: Db, options: { agreementId: string; primaryCategoryCode: string | null; now: Date }): Promise<void> {
  await db
    .update(agreements)
    .set({ primaryCategoryCode: options.primaryCategoryCode, version: sql`${agreements.version} + 1`, updatedAt: options.now })
    .where(eq(agreements.id, options.agreementId));
}

// The agreements whose primary partner this is take its new category; returns their ids.
export async function restampPrimaryCategory(db: Db, options: { partnerId: string; categoryCode: string }): Promise<string[]> {
  const primaryOf = sql`(SELECT ${agreementPartners.agreementId} FROM ${agreementPartners} WHERE ${agreementPartners.partnerId} = ${options.partnerId} AND ${agreementPartners.position} = 0)`;
  const updated = await db
    .update(agreements)
    .set({ primaryCategoryCode: options.categoryCode })
    .where(inArray(agreements.id, primaryOf))
    .returning({ id: agreements.id });
  return updated.map((row) => row.id);
}
