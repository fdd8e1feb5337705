import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { MergePartnersInput, MergePartnersResult } from '../../../shared/partners';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { agreementPartners, agreements } from '../agreements/agreements.table';
import type { AuditChange } from '../audit/audit.table';
import { recordAudit } from '../audit/audit.service';
import * as repo from './partners.repository';
import { partners } from './partners.table';
import { assertPartnerEditor } from './partners.service';

type Link = { agreementId: string; partnerId: string; position: number; name: string; categoryCode: string };

async function linksOf(tx: Db, agreementIds: string[]): Promise<Map<string, Link[]>> {
  const rows = await tx
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
  const byAgreement = new Map<string, Link[]>();
  for (const row of rows) byAgreement.set(row.agreementId, [...(byAgreement.get(row.agreementId) ?? []), row]);
  return byAgreement;
}

// Source replaced by target; when both were on the agreement, the target keeps the better position.
function mergedList(links: Link[], source: repo.PartnerRow, target: repo.PartnerRow): Link[] {
  const replaced = links.map((link) => (link.partnerId === source.id ? { ...link, partnerId: target.id, name: target.name, categoryCode: target.categoryCode } : link));
  const kept = replaced.filter((link, index) => replaced.findIndex((other) => other.partnerId === link.partnerId) === index);
  return kept.map((link, position) => ({ ...link, position }));
}

async function relinkAgreement(tx: Db, ctx: ActorCtx, before: Link[], after: Link[]): Promise<void> {
  const agreementId = after[0]?.agreementId ?? before[0]?.agreementId;
  if (!agreementId) return;
  await tx.delete(agreementPartners).where(eq(agreementPartners.agreementId, agreementId));
  await tx.insert(agreementPartners).values(after.map(({ partnerId, position }) => ({ agreementId, partnerId, position })));
  const changes: AuditChange[] = [{ field: 'partners', old: before.map((link) => link.name), new: after.map((link) => link.name) }];
  const oldCategory = before[0]?.categoryCode ?? null;
  const newCategory = after[0]?.categoryCode ?? null;
  if (oldCategory !== newCategory) changes.push({ field: 'primaryCategoryCode', old: oldCategory, new: newCategory });
  // The partner list changed under anyone editing this agreement: their save must be refused.
  await tx
    .update(agreements)
    .set({ primaryCategoryCode: newCategory, version: sql`${agreements.version} + 1`, updatedAt: ctx.now })
    .where(eq(agreements.id, agreementId));
  await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: agreementId, action: 'partner-merge', at: ctx.now, changes });
}

async function lockPair(tx: Db, input: MergePartnersInput): Promise<[repo.PartnerRow, repo.PartnerRow]> {
  // Locked in id order, so two merges of the same pair cannot deadlock.
  const [first, second] = [input.sourceId, input.targetId].sort();
  const rows = new Map<string, repo.PartnerRow>();
  for (const id of [first, second]) {
    const row = id ? await repo.findPartnerById(tx, id, { lock: true }) : undefined;
    if (row) rows.set(row.id, row);
  }
  const source = rows.get(input.sourceId);
  const target = rows.get(input.targetId);
  if (!source) throw notFound('Mitra sumber', 'Source partner');
  if (!target) throw notFound('Mitra tujuan', 'Target partner');
  return [source, target];
}

// Two rows found to be one institution: every agreement moves to the target and the source goes.
export async function mergePartners(ctx: ActorCtx, input: MergePartnersInput): Promise<MergePartnersResult> {
  assertPartnerEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const [source, target] = await lockPair(tx, input);
    const agreementIds = await repo.agreementIdsOfPartner(tx, source.id);
    const links = agreementIds.length > 0 ? await linksOf(tx, agreementIds) : new Map<string, Link[]>();
    for (const before of links.values()) await relinkAgreement(tx, ctx, before, mergedList(before, source, target));
    await repo.refreshAgreementSearch(tx, agreementIds);
    await tx.delete(partners).where(eq(partners.id, source.id));
    const from = { id: source.id, name: source.name, categoryCode: source.categoryCode };
    await recordAudit(tx, {
      actor: ctx.actor, entity: 'partner', entityId: source.id, action: 'merge-away', at: ctx.now,
      changes: [{ field: 'mergedInto', old: null, new: { id: target.id, name: target.name } }],
    });
    await recordAudit(tx, {
      actor: ctx.actor, entity: 'partner', entityId: target.id, action: 'merge', at: ctx.now,
      changes: [{ field: 'mergedFrom', old: null, new: from }, { field: 'agreementIds', old: null, new: agreementIds }],
    });
    const view = (await repo.partnerViewsByIds(tx, [target.id])).get(target.id);
    if (!view) throw notFound('Mitra tujuan', 'Target partner');
    return { target: view, movedAgreementIds: agreementIds };
  });
}
