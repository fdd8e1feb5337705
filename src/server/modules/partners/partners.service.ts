import { eq, inArray, sql } from 'drizzle-orm';
import { deriveAgreementStatus } from '../../../shared/agreement-status';
import type { AgreementPartnerRef } from '../../../shared/agreements';
import { normalizePartnerName } from '../../../shared/partner-name';
import {
  DUPLICATE_SIMILARITY,
  type CreatePartnerInput,
  type PartnerDetailView,
  type PartnerDuplicateView,
  type PartnerListQuery,
  type PartnerListView,
  type PartnerView,
  type UpdatePartnerInput,
} from '../../../shared/partners';
import type { Db } from '../../db/client';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../lib/errors';
import { updateVersioned } from '../../lib/versioned';
import { agreementPartners, agreements } from '../agreements/agreements.table';
import { readableAgreementsFilter } from '../agreements/agreements.policy';
import { diffFields, recordAudit } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { canEditPartners, canReadPartners } from './partners.policy';
import * as repo from './partners.repository';
import { partners } from './partners.table';

type WriteCtx = Pick<Ctx, 'actor' | 'now'>;

export function assertPartnerEditor(ctx: ActorCtx): void {
  if (!canEditPartners(ctx.actor)) throw forbidden();
}

function nameTaken(existing: repo.PartnerRow, field: string): AppError {
  return new AppError({
    code: 'CONFLICT',
    message: `Mitra "${existing.name}" sudah terdaftar dengan nama yang sama.`,
    messageEn: `Partner "${existing.name}" is already registered under the same name.`,
    field,
    details: { partnerId: existing.id, name: existing.name },
  });
}

// Two saves racing for one name both pass the look-up; the unique key refuses the second.
async function guardNameKey<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const seen = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pgError = seen.cause ?? seen;
    if (pgError.code !== '23505' || pgError.constraint !== 'partners_name_key_unique') throw error;
    throw new AppError({ code: 'CONFLICT', message: 'Mitra dengan nama yang sama baru saja didaftarkan.', messageEn: 'A partner with the same name was just registered.', field });
  }
}

function nameKeyOf(name: string, field: string): string {
  const key = normalizePartnerName(name);
  if (key.length < 2) throw invalid(field, 'Nama mitra harus memuat huruf atau angka.', 'A partner name must contain letters or digits.');
  return key;
}

async function assertCategory(db: Db, code: string, field: string): Promise<void> {
  if (!(await repo.categoryExists(db, code))) {
    throw invalid(field, `Kategori mitra "${code}" tidak dikenal.`, `Unknown partner category "${code}".`);
  }
}

async function viewOf(db: Db, id: string): Promise<PartnerView> {
  const view = (await repo.partnerViewsByIds(db, [id])).get(id);
  if (!view) throw notFound('Mitra', 'Partner');
  return view;
}

// One row per institution: a name whose normalised key exists is refused, naming the existing partner.
async function insertPartner(db: Db, ctx: WriteCtx, input: CreatePartnerInput, fieldPrefix = ''): Promise<repo.PartnerRow> {
  const nameKey = nameKeyOf(input.name, `${fieldPrefix}name`);
  await assertCategory(db, input.categoryCode, `${fieldPrefix}categoryCode`);
  const clash = await repo.findPartnerByKey(db, nameKey);
  if (clash) throw nameTaken(clash, `${fieldPrefix}name`);
  const values = { name: input.name, nameKey, categoryCode: input.categoryCode, address: input.address ?? null };
  const [row] = await guardNameKey(`${fieldPrefix}name`, () => db.insert(partners).values({ ...values, createdAt: ctx.now, updatedAt: ctx.now }).returning());
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(db, { actor: ctx.actor, entity: 'partner', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
  return row;
}

export async function createPartner(ctx: ActorCtx, input: CreatePartnerInput): Promise<PartnerView> {
  assertPartnerEditor(ctx);
  return ctx.db.transaction(async (tx) => viewOf(tx, (await insertPartner(tx, ctx, input)).id));
}

// Turns an agreement's partner list into rows, in order: by id, or by name (found by its key, else created).
export async function resolvePartnerRefs(tx: Db, refs: AgreementPartnerRef[], ctx: WriteCtx, field = 'partners'): Promise<repo.PartnerRow[]> {
  const rows: repo.PartnerRow[] = [];
  for (const [index, ref] of refs.entries()) {
    const at = `${field}.${index}`;
    const row = 'id' in ref ? await repo.findPartnerById(tx, ref.id) : await findOrCreateByName(tx, ref, ctx, at);
    if (!row) throw invalid(`${at}.id`, 'Mitra tidak ditemukan.', 'Partner not found.');
    if (rows.some((seen) => seen.id === row.id)) {
      throw invalid(at, `Mitra "${row.name}" disebut dua kali.`, `Partner "${row.name}" is listed twice.`);
    }
    rows.push(row);
  }
  return rows;
}

async function findOrCreateByName(tx: Db, ref: { name: string; categoryCode: string }, ctx: WriteCtx, at: string): Promise<repo.PartnerRow> {
  await assertCategory(tx, ref.categoryCode, `${at}.categoryCode`);
  const existing = await repo.findPartnerByKey(tx, nameKeyOf(ref.name, `${at}.name`));
  return existing ?? insertPartner(tx, ctx, { name: ref.name, categoryCode: ref.categoryCode }, `${at}.`);
}

export async function listPartners(ctx: ActorCtx, query: PartnerListQuery): Promise<PartnerListView> {
  if (!canReadPartners(ctx.actor)) throw forbidden();
  const key = query.q ? normalizePartnerName(query.q) || undefined : undefined;
  const where = repo.partnerSearchFilter({ key, category: query.category });
  const [items, total] = await Promise.all([
    repo.selectPartnerViews(ctx.db, { where, orderBy: repo.partnerSearchOrder(key), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    repo.countPartners(ctx.db, where),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getPartner(ctx: ActorCtx, id: string): Promise<PartnerDetailView> {
  if (!canReadPartners(ctx.actor)) throw forbidden();
  const view = await viewOf(ctx.db, id);
  const [rows, settings] = await Promise.all([repo.partnerAgreementRows(ctx.db, id, readableAgreementsFilter(ctx.actor)), getSettings(ctx.db)]);
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
  if (!canReadPartners(ctx.actor)) throw forbidden();
  const pairs = await repo.similarPartnerPairs(ctx.db, DUPLICATE_SIMILARITY, 200);
  const views = await repo.partnerViewsByIds(ctx.db, [...new Set(pairs.flatMap((pair) => [pair.aId, pair.bId]))]);
  return pairs.flatMap(({ aId, bId, similarity }) => {
    const a = views.get(aId);
    const b = views.get(bId);
    return a && b ? [{ a, b, similarity: Math.round(similarity * 1000) / 1000 }] : [];
  });
}

export async function updatePartner(ctx: ActorCtx, id: string, input: UpdatePartnerInput): Promise<PartnerView> {
  assertPartnerEditor(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findPartnerById(tx, id, { lock: true });
    if (!before) throw notFound('Mitra', 'Partner');
    if (before.version !== input.version) throw staleVersion();
    const { version, ...patch } = input;
    const nameKey = patch.name === undefined ? before.nameKey : nameKeyOf(patch.name, 'name');
    const clash = nameKey === before.nameKey ? undefined : await repo.findPartnerByKey(tx, nameKey);
    if (clash && clash.id !== id) throw nameTaken(clash, 'name');
    if (patch.categoryCode !== undefined) await assertCategory(tx, patch.categoryCode, 'categoryCode');
    const changes = diffFields(before, patch);
    if (changes.length === 0) return viewOf(tx, id);
    const row = await guardNameKey('name', () =>
      updateVersioned({ db: tx, table: partners, where: eq(partners.id, id), version, patch: { ...patch, nameKey }, now: ctx.now, what: ['Mitra', 'Partner'] }),
    );
    await recordAudit(tx, { actor: ctx.actor, entity: 'partner', entityId: id, action: 'update', at: ctx.now, changes });
    // Agreements show and are found by their partners' names.
    if (row.name !== before.name) await repo.refreshAgreementSearch(tx, await repo.agreementIdsOfPartner(tx, id));
    if (row.categoryCode !== before.categoryCode) await restampPrimaryCategory(tx, ctx, id, before.categoryCode, row.categoryCode);
    return viewOf(tx, id);
  });
}

// Statistics count an agreement under its primary partner's category, so a corrected category follows.
async function restampPrimaryCategory(tx: Db, ctx: WriteCtx, partnerId: string, oldCode: string, newCode: string): Promise<void> {
  const primaryOf = sql`(SELECT ${agreementPartners.agreementId} FROM ${agreementPartners} WHERE ${agreementPartners.partnerId} = ${partnerId} AND ${agreementPartners.position} = 0)`;
  const updated = await tx
    .update(agreements)
    .set({ primaryCategoryCode: newCode })
    .where(inArray(agreements.id, primaryOf))
    .returning({ id: agreements.id });
  // The registry's facet rows carry the category too.
  await repo.refreshAgreementSearch(tx, updated.map((row) => row.id));
  for (const { id } of updated) {
    const changes = [{ field: 'primaryCategoryCode', old: oldCode, new: newCode }];
    await recordAudit(tx, { actor: ctx.actor, entity: 'agreement', entityId: id, action: 'partner-category', at: ctx.now, changes });
  }
}
