import type { AuditEntryView } from '../../../shared/agreements';
import type { MergePartnersInput, MergePartnersResult } from '../../../shared/partners';
import type { ActorCtx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import * as partners from '../partners/partners.service';
import * as repo from './agreement-partners.repository';
import { findPartnerViews } from './agreement-partners.service';
import { refreshAgreementSearch, replacePartnerLinks } from './agreements.repository';

type Link = repo.PartnerLink;

// Source replaced by target; when both were on the agreement, the target keeps the better position.
function mergedList(links: Link[], source: partners.PartnerRow, target: partners.PartnerRow): Link[] {
  const replaced = links.map((link) => (link.partnerId === source.id ? { ...link, partnerId: target.id, name: target.name, categoryCode: target.categoryCode } : link));
  const kept = replaced.filter((link, index) => replaced.findIndex((other) => other.partnerId === link.partnerId) === index);
  return kept.map((link, position) => ({ ...link, position }));
}

async function relinkAgreement(ctx: ActorCtx, before: Link[], after: Link[]): Promise<void> {
  const agreementId = after[0]?.agreementId ?? before[0]?.agreementId;
  if (!agreementId) return;
  await replacePartnerLinks(ctx.db, { agreementId, partnerIds: after.map((link) => link.partnerId) });
  const changes: AuditEntryView['changes'] = [{ field: 'partners', old: before.map((link) => link.name), new: after.map((link) => link.name) }];
  const oldCategory = before[0]?.categoryCode ?? null;
  const newCategory = after[0]?.categoryCode ?? null;
  if (oldCategory !== newCategory) changes.push({ field: 'primaryCategoryCode', old: oldCategory, new: newCategory });
  await repo.bumpAfterPartnerChange(ctx.db, { agreementId, primaryCategoryCode: newCategory, now: ctx.now });
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'agreement', entityId: agreementId, action: 'partner-merge', at: ctx.now, changes });
}

// Two rows found to be one institution: every agreement moves to the target and the source goes.
export async function mergePartners(ctx: ActorCtx, input: MergePartnersInput): Promise<MergePartnersResult> {
  partners.assertPartnerEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { source, target } = await partners.lockPartnersToMerge(txCtx, input);
    const agreementIds = await repo.agreementIdsOfPartner(tx, source.id);
    const links = await repo.partnerLinksOf(tx, agreementIds);
    for (const before of links.values()) await relinkAgreement(txCtx, before, mergedList(before, source, target));
    await refreshAgreementSearch(tx, agreementIds);
    await partners.removeMergedPartner(txCtx, { source, target, movedAgreementIds: agreementIds });
    const [view] = await findPartnerViews(tx, [target.id]);
    if (!view) throw notFound('Mitra tujuan', 'Target partner');
    return { target: view, movedAgreementIds: agreementIds };
  });
}
