import { sql } from 'drizzle-orm';
import { agreementNumberKey } from '../../../shared/agreement-number';
import { REGISTER_FIELDS } from '../../../shared/imports';
import type { Db } from '../../db/client';
import { arrayParam, bulkInsert, recordSource, selectRows, type BulkColumn } from '../../db/bulk-sql';
import type { AgreementColumns } from './agreements.repository';
import { agreements } from './agreements.table';

// Batches of agreements written by the import: one statement per table per batch, never one per row
// (agreement-batches.service.ts).

type BatchColumn = (typeof BATCH_FIELDS)[number];
const BATCH_FIELDS = [...REGISTER_FIELDS, 'numberKey', 'parentId', 'primarySectorCode', 'primaryCategoryCode'] as const;

export type AgreementBatchRow = Pick<AgreementColumns, Exclude<BatchColumn, 'numberKey'>> & {
  id: string;
  // In order: the primary partner, the lead unit and the primary sector first.
  partnerIds: string[];
  unitIds: string[];
  sectorCodes: string[];
};

// Column names and types as the table declares them.
const COLUMNS: readonly BulkColumn[] = BATCH_FIELDS.map((field) => [agreements[field].name, agreements[field].getSQLType()] as const);

function valuesOf(row: AgreementBatchRow): unknown[] {
  const columns = { ...row, numberKey: agreementNumberKey(row.numberOurs) };
  return BATCH_FIELDS.map((field) => columns[field]);
}

// Each row's search vector is written with it, from the partners it names, as
// jalin_refresh_agreement_search would write it (an import sets no purpose): a second pass
// updating the fresh rows cost the import about 100 ms per 1,000 (every index of agreements
// written again, docs/performance.md).
export async function insertAgreementRows(db: Db, options: { rows: AgreementBatchRow[]; createdBy: string | null; now: Date }): Promise<void> {
  if (options.rows.length === 0) return;
  const columns = [['id', 'uuid'], ...COLUMNS, ['partner_ids', 'uuid[]']] as const;
  const names = ['id', ...COLUMNS.map(([name]) => name)].join(', ');
  const values = options.rows.map((row) => [row.id, ...valuesOf(row), row.partnerIds]);
  const stamp = options.now.toISOString();
  await db.execute(sql`
    INSERT INTO agreements (${sql.raw(names)}, created_by, created_at, updated_at, search_vector)
    SELECT ${sql.raw(names)}, ${options.createdBy}::uuid, ${stamp}::timestamptz, ${stamp}::timestamptz,
      jalin_agreement_vector(v.title, v.number_ours, v.number_partner,
        (SELECT string_agg(p.name, ' ' ORDER BY x.position) FROM unnest(v.partner_ids) WITH ORDINALITY AS x(id, position) JOIN partners p ON p.id = x.id),
        v.scope, NULL)
    FROM ${recordSource(columns, values)}`);
}

// Guarded by version; returns how many rows were still at the version given. A legacy duplicate whose
// number keeps its key stays flagged; a renumbered one rejoins the unique index.
export async function updateAgreementRows(db: Db, options: { rows: (AgreementBatchRow & { version: number })[]; now: Date }): Promise<number> {
  const columns = [['id', 'uuid'], ['version', 'int'], ...COLUMNS] as const;
  const values = options.rows.map((row) => [row.id, row.version, ...valuesOf(row)]);
  const assignments = sql.raw(COLUMNS.map(([name]) => `${name} = v.${name}`).join(', '));
  const updated = await selectRows<{ id: string }>(db, sql`
    UPDATE agreements AS a SET ${assignments}, number_key_duplicate = a.number_key_duplicate AND a.number_key IS NOT DISTINCT FROM v.number_key,
      version = a.version + 1, updated_at = ${options.now.toISOString()}::timestamptz
    FROM ${recordSource(columns, values)}
    WHERE a.id = v.id AND a.version = v.version
    RETURNING a.id`);
  return updated.length;
}

// The import registers a register as it was kept: a PKS without its KB is not refused but recorded
// with this reason (agreements.rules.ts, checkPksParent), which the next edit in the form may replace.
export const IMPORTED_WITHOUT_KB = 'Diimpor tanpa KB';

export async function noteImportedWithoutParent(db: Db, agreementIds: string[]): Promise<void> {
  await db.execute(sql`
    UPDATE agreements SET no_parent_reason = ${IMPORTED_WITHOUT_KB}
    WHERE id = ANY(${arrayParam(agreementIds, 'uuid')}) AND doc_type = 'PKS' AND parent_id IS NULL AND no_parent_reason IS NULL AND NOT is_draft`);
}

export async function deleteLinks(db: Db, agreementIds: string[]): Promise<void> {
  const idList = arrayParam(agreementIds, 'uuid');
  await db.execute(sql`DELETE FROM agreement_partners WHERE agreement_id = ANY(${idList})`);
  await db.execute(sql`DELETE FROM agreement_units WHERE agreement_id = ANY(${idList})`);
  await db.execute(sql`DELETE FROM agreement_sectors WHERE agreement_id = ANY(${idList})`);
}

export async function insertLinks(db: Db, rows: AgreementBatchRow[]): Promise<void> {
  const partnerLinks = rows.flatMap((row) => row.partnerIds.map((partnerId, position) => [row.id, partnerId, position]));
  const unitLinks = rows.flatMap((row) => row.unitIds.map((unitId, index) => [row.id, unitId, index === 0]));
  const sectorLinks = rows.flatMap((row) => row.sectorCodes.map((sectorCode) => [row.id, sectorCode]));
  await bulkInsert(db, { table: 'agreement_partners', columns: [['agreement_id', 'uuid'], ['partner_id', 'uuid'], ['position', 'smallint']], rows: partnerLinks });
  await bulkInsert(db, { table: 'agreement_units', columns: [['agreement_id', 'uuid'], ['unit_id', 'uuid'], ['is_lead', 'boolean']], rows: unitLinks });
  await bulkInsert(db, { table: 'agreement_sectors', columns: [['agreement_id', 'uuid'], ['sector_code', 'text']], rows: sectorLinks });
}
