import { agreementNumberKey } from '../../../shared/agreement-number';
import type { NumberDuplicateGroup } from '../../../shared/agreements';
import type { Db } from '../../db/client';
import * as repo from './agreement-numbers.repository';

// The key of an agreement number is computed in TypeScript (the same function the web app uses), so
// a migration cannot fill it: this runs after the migrations, and does nothing once every key is set.

// Rows numbered before keys existed. Of several that share a key, the oldest keeps it in the unique
// index; the others are flagged as duplicates to be reported, never merged or renumbered silently.
export async function backfillNumberKeys(db: Db): Promise<{ filled: number; duplicates: number }> {
  const rows = await repo.unkeyedNumbers(db);
  if (rows.length === 0) return { filled: 0, duplicates: 0 };
  const keyed = rows.map((row) => ({ id: row.id, key: agreementNumberKey(row.number_ours) }));
  const taken = await repo.heldNumberKeys(db, [...new Set(keyed.flatMap((row) => (row.key ? [row.key] : [])))]);
  const records = keyed.map((row) => {
    const isDuplicate = row.key !== null && taken.has(row.key);
    if (row.key) taken.add(row.key);
    return { id: row.id, number_key: row.key, number_key_duplicate: isDuplicate };
  });
  await repo.writeNumberKeys(db, records);
  return { filled: records.length, duplicates: records.filter((record) => record.number_key_duplicate).length };
}

// Every number key held by more than one agreement, oldest first within each group.
export async function findNumberDuplicates(db: Db): Promise<NumberDuplicateGroup[]> {
  const groups = new Map<string, NumberDuplicateGroup>();
  for (const row of await repo.sharedNumberKeyRows(db)) {
    const group = groups.get(row.number_key) ?? { key: row.number_key, agreements: [] };
    group.agreements.push({ id: row.id, numberOurs: row.number_ours, title: row.title, isFlagged: row.is_flagged });
    groups.set(row.number_key, group);
  }
  return [...groups.values()];
}
