import type { AgreementPartnerRef } from '../../../shared/agreements';
import { normalizePartnerName } from '../../../shared/partner-name';
import {
  type CreatePartnerInput,
  type DismissPartnerDuplicateInput,
  type MergePartnersInput,
  type PartnerListQuery,
  type PartnerView,
  type UpdatePartnerInput,
} from '../../../shared/partners';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../lib/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { canDismissPartnerDuplicates, canEditPartners, canReadPartners } from './partners.policy';
import { findDuplicatePairs, STRONG_DUPLICATE_SCORE } from './partner-similarity.rules';
import * as repo from './partners.repository';
import { isUniqueViolation } from '../../db/unique-violation';

// The partner rows themselves. What partners have to do with agreements (how many each has, what a
// rename or a merge changes on them) is the agreements module's: agreements/agreement-partners.service.ts.

export type PartnerRow = repo.PartnerRow;
// A partner as the registry shows it; the agreements module adds its agreement count (PartnerView).
export type PartnerRecord = Omit<PartnerView, 'agreementCount'>;
export type PartnerRecordPage = { items: PartnerRecord[]; total: number; page: number; pageSize: number };
export type PartnerRecordPair = { a: PartnerRecord; b: PartnerRecord; similarity: number; isStrong: boolean };

type WriteCtx = Pick<Ctx, 'actor' | 'now'>;

export function assertPartnerEditor(ctx: ActorCtx): void {
  if (!canEditPartners(ctx.actor)) throw forbidden();
}

function assertPartnerReader(ctx: ActorCtx): void {
  if (!canReadPartners(ctx.actor)) throw forbidden();
}

function toRecord(row: repo.PartnerRecordRow): PartnerRecord {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
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
    if (!isUniqueViolation(error, 'partners_name_key_unique')) throw error;
    throw new AppError({ code: 'CONFLICT', message: 'Mitra dengan nama yang sama baru saja didaftarkan.', messageEn: 'A partner with the same name was just registered.', field });
  }
}

function nameKeyOf(name: string, field: string): string {
  const key = normalizePartnerName(name);
  if (key.length < 2) throw invalid(field, { message: 'Nama mitra harus memuat huruf atau angka.', messageEn: 'A partner name must contain letters or digits.' });
  return key;
}

async function assertCategory(db: Db, code: string, field: string): Promise<void> {
  if (!(await repo.categoryExists(db, code))) {
    throw invalid(field, { message: `Kategori mitra "${code}" tidak dikenal.`, messageEn: `Unknown partner category "${code}".` });
  }
}

async function recordOf(db: Db, id: string): Promise<PartnerRecord> {
  const row = (await repo.partnerRecordsByIds(db, [id])).get(id);
  if (!row) throw notFound('Mitra', 'Partner');
  return toRecord(row);
}

// The records of these partners (those that exist), by id.
export async function findPartnerRecords(db: Db, ids: string[]): Promise<Map<string, PartnerRecord>> {
  const rows = await repo.partnerRecordsByIds(db, ids);
  return new Map([...rows].map(([id, row]) => [id, toRecord(row)]));
}

// One row per institution: a name whose normalised key exists is refused, naming the existing partner.
async function insertPartner(db: Db, ctx: WriteCtx, input: CreatePartnerInput, fieldPrefix = ''): Promise<repo.PartnerRow> {
  const nameKey = nameKeyOf(input.name, `${fieldPrefix}name`);
  await assertCategory(db, input.categoryCode, `${fieldPrefix}categoryCode`);
  const clash = await repo.findPartnerByKey(db, nameKey);
  if (clash) throw nameTaken(clash, `${fieldPrefix}name`);
  const values = { name: input.name, nameKey, categoryCode: input.categoryCode, address: input.address ?? null };
  const row = await guardNameKey(`${fieldPrefix}name`, () => repo.insertPartner(db, { ...values, createdAt: ctx.now, updatedAt: ctx.now }));
  await recordAudit(db, { actor: ctx.actor, entity: 'partner', entityId: row.id, action: 'create', at: ctx.now, changes: diffFields({}, values) });
  return row;
}

export async function createPartner(ctx: ActorCtx, input: CreatePartnerInput): Promise<PartnerRecord> {
  assertPartnerEditor(ctx);
  return ctx.db.transaction(async (tx) => recordOf(tx, (await insertPartner(tx, ctx, input)).id));
}

// Turns an agreement's partner list into rows, in order: by id, or by name (found by its key, else created).
// ctx.db is the caller's transaction: the agreement's write and the partners it creates commit together.
export async function resolvePartnerRefs(ctx: WriteCtx & Pick<Ctx, 'db'>, { refs, field = 'partners' }: { refs: AgreementPartnerRef[]; field?: string }): Promise<repo.PartnerRow[]> {
  const tx = ctx.db;
  const rows: repo.PartnerRow[] = [];
  for (const [index, ref] of refs.entries()) {
    const at = `${field}.${index}`;
    const row = 'id' in ref ? await repo.findPartnerById(tx, { id: ref.id }) : await findOrCreateByName(tx, ref, ctx, at);
    if (!row) throw invalid(`${at}.id`, { message: 'Mitra tidak ditemukan.', messageEn: 'Partner not found.' });
    if (rows.some((seen) => seen.id === row.id)) {
      throw invalid(at, { message: `Mitra "${row.name}" disebut dua kali.`, messageEn: `Partner "${row.name}" is listed twice.` });
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

export async function listPartners(ctx: ActorCtx, query: PartnerListQuery): Promise<PartnerRecordPage> {
  assertPartnerReader(ctx);
  const key = query.q ? normalizePartnerName(query.q) || undefined : undefined;
  const where = repo.partnerSearchFilter({ key, category: query.category });
  const [rows, total] = await Promise.all([
    repo.selectPartnerRecords(ctx.db, { where, orderBy: repo.partnerSearchOrder(key), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    repo.countPartners(ctx.db, where),
  ]);
  return { items: rows.map(toRecord), total, page: query.page, pageSize: query.pageSize };
}

export async function getPartner(ctx: ActorCtx, id: string): Promise<PartnerRecord> {
  assertPartnerReader(ctx);
  return recordOf(ctx.db, id);
}

const DUPLICATE_LIST_LIMIT = 200;

// Pairs of partners whose names likely name one institution (partner-similarity.rules.ts), strongest
// first, without the pairs someone said are not duplicates.
export async function listPartnerDuplicates(ctx: ActorCtx): Promise<PartnerRecordPair[]> {
  assertPartnerReader(ctx);
  const [names, dismissed] = await Promise.all([repo.allPartnerNames(ctx.db), repo.dismissedPairKeys(ctx.db)]);
  const pairs = findDuplicatePairs(names, Number.POSITIVE_INFINITY)
    .filter((pair) => !dismissed.has(orderedPair(pair.a.id, pair.b.id).join(':')))
    .slice(0, DUPLICATE_LIST_LIMIT);
  const records = await findPartnerRecords(ctx.db, [...new Set(pairs.flatMap((pair) => [pair.a.id, pair.b.id]))]);
  return pairs.flatMap(({ a, b, score }) => {
    const first = records.get(a.id);
    const second = records.get(b.id);
    return first && second ? [{ a: first, b: second, similarity: score, isStrong: score >= STRONG_DUPLICATE_SCORE }] : [];
  });
}

function orderedPair(first: string, second: string): [string, string] {
  return first < second ? [first, second] : [second, first];
}

// "Bukan duplikat": the pair is remembered in either order and each partner's history says who said so.
// Saying it again changes nothing.
export async function dismissPartnerDuplicate(ctx: ActorCtx, input: DismissPartnerDuplicateInput): Promise<void> {
  if (!canDismissPartnerDuplicates(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const found = await repo.partnerRecordsByIds(tx, [input.aId, input.bId]);
    const a = found.get(input.aId);
    const b = found.get(input.bId);
    if (!a) throw notFound('Mitra', 'Partner');
    if (!b) throw notFound('Mitra', 'Partner');
    const [partnerLowId, partnerHighId] = orderedPair(a.id, b.id);
    const isNew = await repo.insertDismissal(tx, { partnerLowId, partnerHighId, dismissedBy: ctx.actor.id, dismissedAt: ctx.now });
    if (!isNew) return;
    for (const [self, other] of [[a, b], [b, a]] as const) {
      const changes = [{ field: 'notDuplicateOf', old: null, new: { id: other.id, name: other.name } }];
      await recordAudit(tx, { actor: ctx.actor, entity: 'partner', entityId: self.id, action: 'not-duplicate', at: ctx.now, changes });
    }
  });
}

// Edits the partner row inside the caller's transaction (ctx.db), which then carries what the edit
// changes elsewhere; before and after are the same row when nothing changed.
export async function updatePartner(ctx: ActorCtx, input: UpdatePartnerInput & { id: string }): Promise<{ before: PartnerRow; after: PartnerRow }> {
  assertPartnerEditor(ctx);
  const { id, version, ...patch } = input;
  const before = await repo.findPartnerById(ctx.db, { id, lock: true });
  if (!before) throw notFound('Mitra', 'Partner');
  if (before.version !== version) throw staleVersion();
  const nameKey = patch.name === undefined ? before.nameKey : nameKeyOf(patch.name, 'name');
  const clash = nameKey === before.nameKey ? undefined : await repo.findPartnerByKey(ctx.db, nameKey);
  if (clash && clash.id !== id) throw nameTaken(clash, 'name');
  if (patch.categoryCode !== undefined) await assertCategory(ctx.db, patch.categoryCode, 'categoryCode');
  const changes = diffFields(before, patch);
  if (changes.length === 0) return { before, after: before };
  const after = await guardNameKey('name', () => repo.updatePartnerVersioned(ctx.db, { id, version, patch: { ...patch, nameKey }, now: ctx.now }));
  await recordAudit(ctx.db, { actor: ctx.actor, entity: 'partner', entityId: id, action: 'update', at: ctx.now, changes });
  return { before, after };
}

// Both partners of a merge, locked in id order (so two merges of the same pair cannot deadlock), inside
// the caller's transaction.
export async function lockPartnersToMerge(ctx: ActorCtx, input: MergePartnersInput): Promise<{ source: PartnerRow; target: PartnerRow }> {
  assertPartnerEditor(ctx);
  const [first, second] = [input.sourceId, input.targetId].sort();
  const rows = new Map<string, repo.PartnerRow>();
  for (const id of [first, second]) {
    const row = id ? await repo.findPartnerById(ctx.db, { id, lock: true }) : undefined;
    if (row) rows.set(row.id, row);
  }
  const source = rows.get(input.sourceId);
  const target = rows.get(input.targetId);
  if (!source) throw notFound('Mitra sumber', 'Source partner');
  if (!target) throw notFound('Mitra tujuan', 'Target partner');
  return { source, target };
}

// The end of a merge, once nothing points at the source any more: the source goes, and both partners'
// histories say where it went and which agreements moved.
export async function removeMergedPartner(ctx: ActorCtx, input: { source: PartnerRow; target: PartnerRow; movedAgreementIds: string[] }): Promise<void> {
  assertPartnerEditor(ctx);
  const { source, target } = input;
  await repo.deletePartner(ctx.db, source.id);
  const from = { id: source.id, name: source.name, categoryCode: source.categoryCode };
  await recordAudit(ctx.db, {
    actor: ctx.actor, entity: 'partner', entityId: source.id, action: 'merge-away', at: ctx.now,
    changes: [{ field: 'mergedInto', old: null, new: { id: target.id, name: target.name } }],
  });
  await recordAudit(ctx.db, {
    actor: ctx.actor, entity: 'partner', entityId: target.id, action: 'merge', at: ctx.now,
    changes: [{ field: 'mergedFrom', old: null, new: from }, { field: 'agreementIds', old: null, new: input.movedAgreementIds }],
  });
}

export type PartnerByKey = repo.PartnerKeyRow;

// The partners of these normalised names (the import's look-up, one query for a whole file).
export async function findPartnersByKeys(db: Db, keys: string[]): Promise<PartnerByKey[]> {
  return repo.partnersByKeys(db, keys);
}

// Partners named by an import and missing from the registry, created in one statement with the
// category the file gives (the import checked names and categories, and audits what it created).
// A partner someone else added meanwhile is kept as it is. Returns the created ones.
export async function createImportedPartners(ctx: Pick<Ctx, 'db' | 'now'>, rows: { key: string; name: string; categoryCode: string }[]): Promise<PartnerByKey[]> {
  if (rows.length === 0) return [];
  return repo.insertPartnersSkippingTaken(ctx.db, { rows, now: ctx.now });
}

export type SimilarPartner = repo.SimilarPartnerRow;

// The existing partners each of these normalised names resembles (the import's suggestions).
export function findSimilarPartners(db: Db, options: { keys: string[]; threshold: number; limit: number }): Promise<SimilarPartner[]> {
  return repo.similarPartnerRows(db, options);
}
