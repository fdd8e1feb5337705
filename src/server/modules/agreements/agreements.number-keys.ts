import { sql } from 'drizzle-orm';
import { agreementNumberKey } from '../../../shared/agreement-number';
import type { NumberDuplicateGroup } from '../../../shared/agreements';
import type { Db } from '../../db/client';

// The key of an agreement number is computed in TypeScript (the same function the web app uses), so
// a migration cannot fill it: this runs after the migrations, and does nothing once every key is set.

type Row = { id: string; number_ours: string };

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

// Rows numbered before keys existed. Of several that share a key, the oldest keeps it in the unique
// index; the others are flagged as duplicates to be reported, never merged or renumbered silently.
export async function backfillNumberKeys(db: Db): Promise<{ filled: number; duplicates: number }> {
  const rows = await rowsOf<Row>(db, sql`SELECT id, number_ours FROM agreements WHERE number_key IS NULL AND number_ours IS NOT NULL ORDER BY created_at, id`);
  if (rows.length === 0) return { filled: 0, duplicates: 0 };
  const keyed = rows.map((row) => ({ id: row.id, key: agreementNumberKey(row.number_ours) }));
  const keys = [...new Set(keyed.flatMap((row) => (row.key ? [row.key] : [])))];
  const held = await rowsOf<{ number_key: string }>(db, sql`SELECT number_key FROM agreements WHERE NOT number_key_duplicate AND number_key = ANY(${sql.param(keys)}::text[])`);
  const taken = new Set(held.map((row) => row.number_key));
  const records = keyed.map((row) => {
    const isDuplicate = row.key !== null && taken.has(row.key);
    if (row.key) taken.add(row.key);
    return { id: row.id, number_key: row.key, number_key_duplicate: isDuplicate };
  });
  await db.execute(sql`
    UPDATE agreements AS a SET number_key = v.number_key, number_key_duplicate = v.number_key_duplicate
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS v(id uuid, number_key text, number_key_duplicate boolean)
    WHERE a.id = v.id`);
  return { filled: records.length, duplicates: records.filter((record) => record.number_key_duplicate).length };
}

type DuplicateRow = { number_key: string; id: string; number_ours: string; title: string; is_flagged: boolean };

// Every number key held by more than one agreement, oldest first within each group.
export async function findNumberDuplicates(db: Db): Promise<NumberDuplicateGroup[]> {
  const rows = await rowsOf<DuplicateRow>(db, sql`
    SELECT a.number_key, a.id, a.number_ours, a.title, a.number_key_duplicate AS is_flagged
    FROM agreements a
    WHERE a.number_key IN (SELECT number_key FROM agreements WHERE number_key IS NOT NULL GROUP BY number_key HAVING count(*) > 1)
    ORDER BY a.number_key, a.created_at, a.id`);
  const groups = new Map<string, NumberDuplicateGroup>();
  for (const row of rows) {
    const group = groups.get(row.number_key) ?? { key: row.number_key, agreements: [] };
    group.agreements.push({ id: row.id, numberOurs: row.number_ours, title: row.title, isFlagged: row.is_flagged });
    groups.set(row.number_key, group);
  }
  return [...groups.values()];
}
