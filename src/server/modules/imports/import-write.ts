import { randomUUID } from 'node:crypto';
import { inArray, sql, type SQL } from 'drizzle-orm';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/context';
import { staleVersion } from '../../lib/errors';
import { agreementPartners, agreementSectors, agreementUnits, agreements } from '../agreements/agreements.table';
import { unitKey } from './import-cells';
import type { PlanItem } from './import-plan';
import { chunked, type ImportRegistry } from './import-registry';
import { ensurePartners, ensureUnits, insertAuditRows } from './import-write-refs';

// Writes a plan in batches: one multi-row statement per table per batch, never a statement per row.
export const IMPORT_BATCH_SIZE = 500;

type Refs = {
  idByNumber: Map<string, string>;
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
  return {
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
    parentId: row.parentNumber ? (refs.idByNumber.get(row.parentNumber) ?? null) : null,
    primarySectorCode,
    // Denormalised for statistics: the primary partner's category.
    primaryCategoryCode: primaryPartner?.categoryCode ?? null,
    longTermReason: row.longTermReason,
  };
}

function linksOf(items: PlanItem[], refs: Refs) {
  const partnerLinks: (typeof agreementPartners.$inferInsert)[] = [];
  const unitLinks: (typeof agreementUnits.$inferInsert)[] = [];
  const sectorLinks: (typeof agreementSectors.$inferInsert)[] = [];
  for (const { row } of items) {
    const agreementId = refs.idByNumber.get(row.numberOurs) ?? '';
    row.partners.forEach((partner, position) => {
      partnerLinks.push({ agreementId, partnerId: refs.partnerByKey.get(normalizePartnerName(partner.name))?.id ?? '', position });
    });
    row.unitNames.forEach((name, index) => unitLinks.push({ agreementId, unitId: refs.unitIdByKey.get(unitKey(name)) ?? '', isLead: index === 0 }));
    for (const sectorCode of row.sectorCodes) sectorLinks.push({ agreementId, sectorCode });
  }
  return { partnerLinks, unitLinks, sectorLinks };
}

async function insertLinks(db: Db, items: PlanItem[], refs: Refs) {
  const { partnerLinks, unitLinks, sectorLinks } = linksOf(items, refs);
  if (partnerLinks.length > 0) await db.insert(agreementPartners).values(partnerLinks);
  if (unitLinks.length > 0) await db.insert(agreementUnits).values(unitLinks);
  if (sectorLinks.length > 0) await db.insert(agreementSectors).values(sectorLinks);
}

async function refreshSearch(db: Db, ids: string[]) {
  await db.execute(sql`SELECT jalin_refresh_agreement_search(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[])`);
}

async function insertBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  const { db, actor, now } = options;
  await db.insert(agreements).values(
    batch.map((item) => ({
      ...columnsOf(item, refs),
      id: refs.idByNumber.get(item.row.numberOurs) ?? '',
      numberOurs: item.row.numberOurs,
      createdBy: actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertLinks(db, batch, refs);
}

function updateValues(item: PlanItem, refs: Refs): SQL {
  const c = columnsOf(item, refs);
  return sql`(${item.existing?.id}::uuid, ${item.existing?.version}::int, ${c.docType}::text, ${c.kind}::text, ${c.ksddMode}::text, ${c.title}::text,
    ${c.numberPartner}::text, ${c.signedOn}::date, ${c.startsOn}::date, ${c.endsOn}::date, ${c.scope}::text, ${c.valueIdr}::numeric,
    ${c.parentId}::uuid, ${c.primarySectorCode}::text, ${c.primaryCategoryCode}::text, ${c.longTermReason}::text)`;
}

async function updateBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  const { db, now } = options;
  const ids = batch.map((item) => item.existing?.id ?? '');
  // Guarded by version: an edit saved through the API since the preview makes the import stop (409).
  const result: unknown = await db.execute(sql`
    UPDATE agreements AS a SET doc_type = v.doc_type, kind = v.kind, ksdd_mode = v.ksdd_mode, title = v.title,
      number_partner = v.number_partner, signed_on = v.signed_on, starts_on = v.starts_on, ends_on = v.ends_on,
      scope = v.scope, value_idr = v.value_idr, parent_id = v.parent_id, primary_sector_code = v.primary_sector_code,
      primary_category_code = v.primary_category_code, long_term_reason = v.long_term_reason,
      version = a.version + 1, updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${sql.join(batch.map((item) => updateValues(item, refs)), sql`, `)})
      AS v(id, version, doc_type, kind, ksdd_mode, title, number_partner, signed_on, starts_on, ends_on, scope, value_idr,
           parent_id, primary_sector_code, primary_category_code, long_term_reason)
    WHERE a.id = v.id AND a.version = v.version
    RETURNING a.id`);
  // Both drivers answer raw SQL with { rows }.
  if ((result as { rows: unknown[] }).rows.length !== batch.length) throw staleVersion();
  await db.delete(agreementPartners).where(inArray(agreementPartners.agreementId, ids));
  await db.delete(agreementUnits).where(inArray(agreementUnits.agreementId, ids));
  await db.delete(agreementSectors).where(inArray(agreementSectors.agreementId, ids));
  await insertLinks(db, batch, refs);
}

async function prepareRefs(options: WriteOptions, items: PlanItem[]): Promise<Refs> {
  const { db, registry, actor, now } = options;
  const idByNumber = new Map<string, string>();
  for (const [number, existing] of registry.agreementByNumber) idByNumber.set(number, existing.id);
  // Ids are chosen here so that a child row can point at a parent created in the same file.
  for (const item of items) if (item.action === 'create') idByNumber.set(item.row.numberOurs, randomUUID());
  const unitIdByKey = await ensureUnits(db, items, registry, actor, now);
  const partnerByKey = await ensurePartners(db, items, registry, actor, now);
  return { idByNumber, unitIdByKey, partnerByKey };
}

// Creates first (in file order, so parents precede children), then updates; returns the counts.
export async function writePlan(options: WriteOptions, items: PlanItem[]): Promise<{ created: number; updated: number }> {
  const changed = items.filter((item) => item.action !== 'unchanged');
  const refs = await prepareRefs(options, changed);
  const creates = changed.filter((item) => item.action === 'create');
  const updates = changed.filter((item) => item.action === 'update');
  const batches = [
    ...chunked(creates, IMPORT_BATCH_SIZE).map((batch) => ({ batch, write: insertBatch })),
    ...chunked(updates, IMPORT_BATCH_SIZE).map((batch) => ({ batch, write: updateBatch })),
  ];
  for (const { batch, write } of batches) {
    await write(options, batch, refs);
    const ids = batch.map((item) => refs.idByNumber.get(item.row.numberOurs) ?? '');
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
