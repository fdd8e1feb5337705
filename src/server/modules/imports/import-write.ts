import { sql } from 'drizzle-orm';
import { agreementNumberKey } from '../../../shared/agreement-number';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { staleVersion } from '../../lib/errors';
import { unitKey } from './import-cells';
import type { PlanItem } from './import-plan';
import { arrayParam, bulkInsert, selectRows, recordSource } from './import-bulk';
import { chunked, type ImportRegistry } from './import-registry';
import { ensurePartners, ensureUnits, insertAuditRows } from './import-write-refs';

// Writes a plan in batches: one statement per table per batch, never a statement per row.
export const IMPORT_BATCH_SIZE = 1000;

type Refs = {
  unitIdByKey: Map<string, string>;
  partnerByKey: Map<string, { id: string; categoryCode: string }>;
};

export type WriteOptions = {
  db: Db;
  registry: ImportRegistry;
  actor: Actor | null;
  now: Date;
  onBatch: (rowsWritten: number) => Promise<void>;
};

function columnsOf(item: PlanItem, refs: Refs) {
  const { row } = item;
  const [primarySectorCode = ''] = row.sectorCodes;
  const primaryPartner = refs.partnerByKey.get(normalizePartnerName(row.partners[0]?.name ?? ''));
  const numberKey = agreementNumberKey(row.numberOurs);
  return {
    numberOurs: row.numberOurs,
    numberKey,
    // A renumbered legacy duplicate rejoins the unique index; one kept under its number stays flagged.
    numberKeyDuplicate: item.existing !== null && item.existing.numberKey === numberKey ? item.existing.numberKeyDuplicate : false,
    docType: row.docType,
    kind: row.kind,
    ksddMode: row.ksddMode,
    title: row.title,
    numberPartner: row.numberPartner,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    scope: row.scope,
    valueIdr: row.valueIdr,
    parentId: item.parentId,
    primarySectorCode,
    // Denormalised for statistics: the primary partner's category.
    primaryCategoryCode: primaryPartner?.categoryCode ?? null,
    longTermReason: row.longTermReason,
  };
}

const AGREEMENT_COLUMNS = [
  ['number_ours', 'text'], ['number_key', 'text'], ['number_key_duplicate', 'boolean'], ['doc_type', 'text'], ['kind', 'text'], ['ksdd_mode', 'text'], ['title', 'text'], ['number_partner', 'text'],
  ['signed_on', 'date'], ['starts_on', 'date'], ['ends_on', 'date'], ['scope', 'text'], ['value_idr', 'numeric'],
  ['parent_id', 'uuid'], ['primary_sector_code', 'text'], ['primary_category_code', 'text'], ['long_term_reason', 'text'],
] as const;

function agreementValues(item: PlanItem, refs: Refs): unknown[] {
  const c = columnsOf(item, refs);
  return [c.numberOurs, c.numberKey, c.numberKeyDuplicate, c.docType, c.kind, c.ksddMode, c.title, c.numberPartner, c.signedOn, c.startsOn, c.endsOn, c.scope, c.valueIdr, c.parentId, c.primarySectorCode, c.primaryCategoryCode, c.longTermReason];
}

async function insertLinks(db: Db, items: PlanItem[], refs: Refs) {
  const partnerLinks: unknown[][] = [];
  const unitLinks: unknown[][] = [];
  const sectorLinks: unknown[][] = [];
  for (const { row, id: agreementId } of items) {
    row.partners.forEach((partner, position) => partnerLinks.push([agreementId, refs.partnerByKey.get(normalizePartnerName(partner.name))?.id, position]));
    row.unitNames.forEach((name, index) => unitLinks.push([agreementId, refs.unitIdByKey.get(unitKey(name)), index === 0]));
    for (const sectorCode of row.sectorCodes) sectorLinks.push([agreementId, sectorCode]);
  }
  await bulkInsert(db, 'agreement_partners', [['agreement_id', 'uuid'], ['partner_id', 'uuid'], ['position', 'smallint']], partnerLinks);
  await bulkInsert(db, 'agreement_units', [['agreement_id', 'uuid'], ['unit_id', 'uuid'], ['is_lead', 'boolean']], unitLinks);
  await bulkInsert(db, 'agreement_sectors', [['agreement_id', 'uuid'], ['sector_code', 'text']], sectorLinks);
}

async function refreshSearch(db: Db, ids: string[]) {
  await db.execute(sql`SELECT jalin_refresh_agreement_search(${arrayParam(ids, 'uuid')})`);
}

async function insertBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  const { db, actor, now } = options;
  const columns = [['id', 'uuid'], ...AGREEMENT_COLUMNS, ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  const stamp = now.toISOString();
  const rows = batch.map((item) => [item.id, ...agreementValues(item, refs), actor?.id ?? null, stamp, stamp]);
  await bulkInsert(db, 'agreements', columns, rows);
  await insertLinks(db, batch, refs);
}

async function updateBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  const { db, now } = options;
  const ids = batch.map((item) => item.existing?.id ?? '');
  const columns = [['id', 'uuid'], ['version', 'int'], ...AGREEMENT_COLUMNS] as const;
  const rows = batch.map((item) => [item.existing?.id, item.existing?.version, ...agreementValues(item, refs)]);
  const assignments = sql.raw(AGREEMENT_COLUMNS.map(([name]) => `${name} = v.${name}`).join(', '));
  // Guarded by version: an edit saved through the API since the preview makes the import stop (409).
  const updated = await selectRows<{ id: string }>(db, sql`
    UPDATE agreements AS a SET ${assignments}, version = a.version + 1, updated_at = ${now.toISOString()}::timestamptz
    FROM ${recordSource(columns, rows)}
    WHERE a.id = v.id AND a.version = v.version
    RETURNING a.id`);
  if (updated.length !== batch.length) throw staleVersion();
  const idList = arrayParam(ids, 'uuid');
  await db.execute(sql`DELETE FROM agreement_partners WHERE agreement_id = ANY(${idList})`);
  await db.execute(sql`DELETE FROM agreement_units WHERE agreement_id = ANY(${idList})`);
  await db.execute(sql`DELETE FROM agreement_sectors WHERE agreement_id = ANY(${idList})`);
  await insertLinks(db, batch, refs);
}

async function prepareRefs(options: WriteOptions, items: PlanItem[]): Promise<Refs> {
  const { db, registry, actor, now } = options;
  const unitIdByKey = await ensureUnits(db, items, registry, actor, now);
  const partnerByKey = await ensurePartners(db, items, registry, actor, now);
  return { unitIdByKey, partnerByKey };
}

// Parents before their children whatever the file's order: a batch may not point at a later batch.
function parentsFirst(items: PlanItem[]): PlanItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const depthOf = (item: PlanItem) => {
    let depth = 0;
    for (let parent = item.parentId ? byId.get(item.parentId) : undefined; parent && depth < 100; parent = parent.parentId ? byId.get(parent.parentId) : undefined) depth += 1;
    return depth;
  };
  return items.map((item, index) => ({ item, index, depth: depthOf(item) })).sort((a, b) => a.depth - b.depth || a.index - b.index).map((entry) => entry.item);
}

// Creates first (parents before children), then updates; returns the counts.
export async function writePlan(options: WriteOptions, items: PlanItem[]): Promise<{ created: number; updated: number }> {
  const changed = items.filter((item) => item.action !== 'unchanged');
  const refs = await prepareRefs(options, changed);
  const creates = parentsFirst(changed.filter((item) => item.action === 'create'));
  const updates = changed.filter((item) => item.action === 'update');
  const batches = [
    ...chunked(creates, IMPORT_BATCH_SIZE).map((batch) => ({ batch, write: insertBatch })),
    ...chunked(updates, IMPORT_BATCH_SIZE).map((batch) => ({ batch, write: updateBatch })),
  ];
  for (const { batch, write } of batches) {
    await write(options, batch, refs);
    const ids = batch.map((item) => item.id);
    await refreshSearch(options.db, ids);
    await insertAuditRows(
      options.db,
      options.actor,
      options.now,
      batch.map((item, index) => ({ entity: 'agreement', entityId: ids[index] ?? '', action: 'import', changes: item.changes })),
    );
    await options.onBatch(batch.length);
  }
  return { created: creates.length, updated: updates.length };
}
