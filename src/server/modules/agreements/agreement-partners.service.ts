import { deriveAgreementStatus } from '../../../shared/agreement-status';
import type {
  CreatePartnerInput,
  PartnerDetailView,
  PartnerDuplicateView,
  PartnerListQuery,
  PartnerListView,
  PartnerView,
  UpdatePartnerInput,
} from '../../../shared/partners';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx } from '../../lib/context';
import { recordAudit } from '../audit/audit.service';
import * as partners from '../partners/partners.service';
import { getSettings } from '../settings/settings.service';
import * as repo from './agreement-partners.repository';
import { readableAgreementsFilter } from './agreements.policy';
import { refreshAgreementSearch } from './agreements.repository';

// The registry's partners as the /partners pages show them: the partner rows come from the partners
// module, which sits below agreements; what they have to do with agreements is added here.

// The view keeps the record's order of fields, with the count before the version.
function withCount(record: partners.PartnerRecord, counts: Map<string, number>): PartnerView {
  const { version, createdAt, updatedAt, ...head } = record;
  return { ...head, agreementCount: counts.get(record.id) ?? 0, version, createdAt, updatedAt };
}

async function viewsOf(db: Db, records: partners.PartnerRecord[]): Promise<PartnerView[]> {
  const counts = await repo.agreementCountsOf(db, records.map((record) => record.id));
  return records.map((record) => withCount(record, counts));
}

async function viewOf(db: Db, record: partners.PartnerRecord): Promise<PartnerView> {
  const [view] = await viewsOf(db, [record]);
  if (!view) throw new Error('no view of a record');
  return view;
}

// The views of these partners (those that exist), in the order asked.
export async function findPartnerViews(db: Db, ids: string[]): Promise<PartnerView[]> {
  const records = await partners.findPartnerRecords(db, ids);
  return viewsOf(db, ids.flatMap((id) => records.get(id) ?? []));
}

export async function listPartners(ctx: ActorCtx, query: PartnerListQuery): Promise<PartnerListView> {
  const page = await partners.listPartners(ctx, query);
  return { ...page, items: await viewsOf(ctx.db, page.items) };
}

// The partner with the agreements the actor may read (drafts as the agreements' policy says).
export async function getPartner(ctx: ActorCtx, id: string): Promise<PartnerDetailView> {
  const view = await viewOf(ctx.db, await partners.getPartner(ctx, id));
  const [rows, settings] = await Promise.all([repo.partnerAgreementRows(ctx.db, { partnerId: id, readable: readableAgreementsFilter(ctx.actor) }), getSettings(ctx.db)]);
  const today = localDate(ctx.now);
  return {
    ...view,
    agreements: rows.map(({ isDraft, endsOn, terminationKind, terminatedOn, ...link }) => ({
      ...link,
      status: deriveAgreementStatus({ isDraft, endsOn, terminationKind, terminatedOn }, today, settings.expiryWarningDays),
    })),
  };
}

export async function listPartnerDuplicates(ctx: ActorCtx): Promise<PartnerDuplicateView[]> {
  const pairs = await partners.listPartnerDuplicates(ctx);
  const counts = await repo.agreementCountsOf(ctx.db, [...new Set(pairs.flatMap((pair) => [pair.a.id, pair.b.id]))]);
  return pairs.map((pair) => ({ a: withCount(pair.a, counts), b: withCount(pair.b, counts), similarity: pair.similarity, isStrong: pair.isStrong }));
}

export async function createPartner(ctx: ActorCtx, input: CreatePartnerInput): Promise<PartnerView> {
  return viewOf(ctx.db, await partners.createPartner(ctx, input));
}

// Agreements show and are found by their partners' names, and statistics count an agreement under its
// primary partner's category: a rename or a corrected category follows into them.
export async function updatePartner(ctx: ActorCtx, input: UpdatePartnerInput & { id: string }): Promise<PartnerView> {
  partners.assertPartnerEditor(ctx);
  const { id } = input;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { before, after } = await partners.updatePartner(txCtx, input);
    if (after.name !== before.name) await refreshAgreementSearch(tx, await repo.agreementIdsOfPartner(tx, id));
    if (after.categoryCode !== before.categoryCode) await restampPrimaryCategory(txCtx, { partnerId: id, oldCode: before.categoryCode, newCode: after.categoryCode });
    return viewOf(tx, await partners.getPartner(txCtx, id));
  });
}

async function restampPrimaryCategory(ctx: ActorCtx, change: { partnerId: string; oldCode: string; newCode: string }): Promise<void> {
  const ids = await repo.restampPrimaryCategory(ctx.db, { partnerId: change.partnerId, categoryCode: change.newCode });
  // The registry's facet rows carry the category too.
  await refreshAgreementSearch(ctx.db, ids);
  for (const id of ids) {
    const changes = [{ field: 'primaryCategoryCode', old: change.oldCode, new: change.newCode }];
    await recordAudit(ctx.db, { actor: ctx.actor, entity: 'agreement', entityId: id, action: 'partner-category', at: ctx.now, changes });
  }
}
