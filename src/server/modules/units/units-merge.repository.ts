import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, selectRows } from '../../db/bulk-sql';

// Moving an OPD's references to another OPD. The columns that point at units are read from the
// database's own catalogue, not listed here: a table added later with a foreign key to units is
// moved too, and no merge can leave a row pointing at an OPD that is gone (decision 0028).

export type UnitReference = { table: string; column: string; uniqueKeys: string[][] };

// Every single-column foreign key to units, with the unique keys (primary key included) it is part of.
export async function unitReferences(db: Db): Promise<UnitReference[]> {
  const rows = await selectRows<{ table_name: string; column_name: string; unique_key: string[] | null }>(db, sql`
    SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name,
      (SELECT array_agg(k.attname::text ORDER BY k.attname) FROM pg_attribute k WHERE k.attrelid = i.indrelid AND k.attnum = ANY(i.indkey)) AS unique_key
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    LEFT JOIN pg_index i ON i.indrelid = c.conrelid AND i.indisunique AND a.attnum = ANY(i.indkey)
    WHERE c.contype = 'f' AND c.confrelid = 'units'::regclass AND cardinality(c.conkey) = 1
    ORDER BY 1, 2`);
  const byColumn = new Map<string, UnitReference>();
  for (const row of rows) {
    const id = `${row.table_name}.${row.column_name}`;
    const reference = byColumn.get(id) ?? { table: row.table_name, column: row.column_name, uniqueKeys: [] };
    if (row.unique_key) reference.uniqueKeys.push(row.unique_key);
    byColumn.set(id, reference);
  }
  return [...byColumn.values()];
}

// The agreements an OPD is linked to (whose list rows carry its id).
export async function agreementIdsOfUnit(db: Db, unitId: string): Promise<string[]> {
  const rows = await selectRows<{ agreement_id: string }>(db, sql`SELECT agreement_id FROM agreement_units WHERE unit_id = ${unitId} ORDER BY agreement_id`);
  return rows.map((row) => row.agreement_id);
}

// An agreement led by the source and supported by the target is led by the target afterwards:
// the source's link is dropped as a duplicate below, and an agreement keeps its lead OPD.
export async function keepLeadOnMerge(db: Db, input: { sourceId: string; targetId: string }): Promise<void> {
  await db.execute(sql`
    UPDATE agreement_units t SET is_lead = true
    FROM agreement_units s
    WHERE s.agreement_id = t.agreement_id AND s.unit_id = ${input.sourceId} AND s.is_lead AND t.unit_id = ${input.targetId}`);
}

// Rows of the source that the target already has (same values in a unique key) are dropped: the
// target's row stands for both. The rest are moved. Returns how many rows were moved.
export async function moveReference(db: Db, input: { reference: UnitReference; sourceId: string; targetId: string }): Promise<number> {
  const { reference, sourceId, targetId } = input;
  const table = sql.raw(reference.table);
  const column = sql.identifier(reference.column);
  for (const key of reference.uniqueKeys) {
    const others = key.filter((name) => name !== reference.column);
    if (others.length === 0) continue;
    const same = sql.join(others.map((name) => sql`t.${sql.identifier(name)} IS NOT DISTINCT FROM s.${sql.identifier(name)}`), sql` AND `);
    await db.execute(sql`DELETE FROM ${table} s WHERE s.${column} = ${sourceId} AND EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = ${targetId} AND ${same})`);
  }
  const moved = await selectRows<{ count: number }>(db, sql`WITH moved AS (UPDATE ${table} SET ${column} = ${targetId} WHERE ${column} = ${sourceId} RETURNING 1) SELECT count(*)::int AS count FROM moved`);
  return moved[0]?.count ?? 0;
}

// The register's list rows carry each agreement's OPD ids; its one writer rebuilds them.
export async function refreshAgreementRows(db: Db, agreementIds: string[]): Promise<void> {
  if (agreementIds.length === 0) return;
  await db.execute(sql`SELECT jalin_refresh_agreement_search(${arrayParam(agreementIds, 'uuid')})`);
}

export async function deleteUnitRow(db: Db, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM units WHERE id = ${id}`);
}

export async function lockUnitRows(db: Db, ids: string[]): Promise<{ id: string; name: string; short_name: string | null }[]> {
  return selectRows(db, sql`SELECT id, name, short_name FROM units WHERE id = ANY(${arrayParam(ids, 'uuid')}) ORDER BY id FOR UPDATE`);
}
