import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { selectRows } from '../../db/bulk-sql';

// The queries of the number keys (agreement-numbers.service.ts).

export async function unkeyedNumbers(db: Db): Promise<{ id: string; number_ours: string }[]> {
  return selectRows(db, sql`SELECT id, number_ours FROM agreements WHERE number_key IS NULL AND number_ours IS NOT NULL ORDER BY created_at, id`);
}

// Of these keys, those an agreement already holds in the unique index.
export async function heldNumberKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const rows = await selectRows<{ number_key: string }>(db, sql`SELECT number_key FROM agreements WHERE NOT number_key_duplicate AND number_key = ANY(${sql.param(keys)}::text[])`);
  return new Set(rows.map((row) => row.number_key));
}

export async function writeNumberKeys(db: Db, records: { id: string; number_key: string | null; number_key_duplicate: boolean }[]): Promise<void> {
  await db.execute(sql`
    UPDATE agreements AS a SET number_key = v.number_key, number_key_duplicate = v.number_key_duplicate
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS v(id uuid, number_key text, number_key_duplicate boolean)
    WHERE a.id = v.id`);
}

export type DuplicateRow = { number_key: string; id: string; number_ours: string; title: string; is_flagged: boolean };

// Every agreement whose number key another agreement holds too, oldest first within each key.
export async function sharedNumberKeyRows(db: Db): Promise<DuplicateRow[]> {
  return selectRows<DuplicateRow>(db, sql`
    SELECT a.number_key, a.id, a.number_ours, a.title, a.number_key_duplicate AS is_flagged
    FROM agreements a
    WHERE a.number_key IN (SELECT number_key FROM agreements WHERE number_key IS NOT NULL GROUP BY number_key HAVING count(*) > 1)
    ORDER BY a.number_key, a.created_at, a.id`);
}
