import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Counted } from './search-changes.repository';
import { registerKeptCounts } from './search.table';

// Kept counts in the database (decision 0041), for processes that have none in memory yet.

export async function loadStoredCounts(db: Db, key: string): Promise<Counted | null> {
  const [row] = await db.select({ rows: registerKeptCounts.rows, snapshot: registerKeptCounts.snapshot }).from(registerKeptCounts).where(eq(registerKeptCounts.key, key));
  return row && Array.isArray(row.rows) ? { rows: row.rows as unknown[], snapshot: row.snapshot } : null;
}

// Whichever process stores last wins: every stored version is exact at its own snapshot, and one
// that is older than another only leaves more changes for the next reader to add.
export async function storeCounts(db: Db, key: string, counted: Counted): Promise<void> {
  const values = { key, rows: counted.rows, snapshot: counted.snapshot, countedAt: sql`now()` };
  await db
    .insert(registerKeptCounts)
    .values(values)
    .onConflictDoUpdate({ target: registerKeptCounts.key, set: { rows: values.rows, snapshot: values.snapshot, countedAt: values.countedAt } });
}

// Counts not stored again since `before`: keys of past days, lists nobody asks for any more.
export async function removeStoredCountsBefore(db: Db, before: Date): Promise<number> {
  const removed = await db.delete(registerKeptCounts).where(lt(registerKeptCounts.countedAt, before)).returning({ key: registerKeptCounts.key });
  return removed.length;
}
