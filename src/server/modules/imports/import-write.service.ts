import { normalizePartnerName } from '../../../shared/partner-name';
import { registerFieldsOf } from '../../../shared/imports';
import { unitKey } from '../../../shared/unit-name';
import type { Ctx } from '../../lib/context';
import { recordAuditBatch } from '../audit/audit.service';
import { insertAgreementBatch, updateAgreementBatch, type AgreementBatchRow } from '../agreements/agreement-batches.service';
import type { PlanItem } from './import-plan.rules';
import type { ImportRegistry } from './import-registry.service';
import { ensurePartners, ensureUnits } from './import-write-refs.service';

// Writes a plan in batches: one statement per table per batch, never a statement per row.
export const IMPORT_BATCH_SIZE = 1000;

type Refs = {
  unitIdByKey: Map<string, string>;
  partnerByKey: Map<string, { id: string; categoryCode: string }>;
};

// The import's ctx (its transaction as `db`) with what the writing needs besides.
export type WriteOptions = Ctx & {
  registry: ImportRegistry;
  onBatch: (rowsWritten: number) => Promise<void>;
};

// The agreement a plan item becomes, with its partners and OPDs resolved to registry rows.
function batchRowOf(item: PlanItem, refs: Refs): AgreementBatchRow {
  const { row } = item;
  const partnerIds = row.partners.map((partner) => refs.partnerByKey.get(normalizePartnerName(partner.name))?.id ?? '');
  const [primarySectorCode = ''] = row.sectorCodes;
  return {
    id: item.id,
    ...registerFieldsOf(row),
    parentId: item.parentId,
    primarySectorCode,
    // Denormalised for statistics: the primary partner's category.
    primaryCategoryCode: refs.partnerByKey.get(normalizePartnerName(row.partners[0]?.name ?? ''))?.categoryCode ?? null,
    partnerIds,
    unitIds: row.unitNames.map((name) => refs.unitIdByKey.get(unitKey(name)) ?? ''),
    sectorCodes: row.sectorCodes,
  };
}

async function insertBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  await insertAgreementBatch(options, batch.map((item) => batchRowOf(item, refs)));
}

// Guarded by version: an edit saved through the API since the preview makes the import stop (409).
async function updateBatch(options: WriteOptions, batch: PlanItem[], refs: Refs) {
  await updateAgreementBatch(options, batch.map((item) => ({ ...batchRowOf(item, refs), version: item.existing?.version ?? 0 })));
}

async function prepareRefs(options: WriteOptions, items: PlanItem[]): Promise<Refs> {
  const unitIdByKey = await ensureUnits(options, { items, registry: options.registry });
  const partnerByKey = await ensurePartners(options, { items, registry: options.registry });
  return { unitIdByKey, partnerByKey };
}

function chunked<T>(list: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
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
    const entries = batch.map((item) => ({ entity: 'agreement', entityId: item.id, action: 'import', changes: item.changes }));
    await recordAuditBatch(options.db, { actor: options.actor, at: options.now, entries });
    await options.onBatch(batch.length);
  }
  return { created: creates.length, updated: updates.length };
}
