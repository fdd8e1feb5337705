import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { agreementSearch, agreementSearchChanges, agreementSearchChangesHorizon } from './search.table';

// Where a count reads its rows, and how it adds them up: the whole register (each row once), or
// the changes since a snapshot (each logged row by its sign, −1 for an old version, +1 for a new
// one). Both name their rows `agreement_search`, so that the same conditions serve either.
export type CountSource = {
  from: SQL;
  tally: SQL;
  // The sign, carried through the statement's own sets when it is a change.
  carry: SQL;
};

export const WHOLE_REGISTRY: CountSource = { from: sql`${agreementSearch}`, tally: sql`count(*)::int`, carry: sql`` };

const c = agreementSearchChanges;
const h = agreementSearchChangesHorizon;

// Whether the changes since a snapshot are all still there and carry everything that changed: the
// snapshot's oldest running transaction is past the horizon.
function usableSince(since: string): SQL {
  return sql`pg_snapshot_xmin(${since}::pg_snapshot) > (SELECT ${h.countedFrom} FROM ${h} WHERE ${h.id} = 1)`;
}

// The rows of the transactions `since` did not see and that committed before this statement's
// snapshot; none when changes `since` needs were removed or cannot carry what changed (the horizon).
function changesSince(since: string): CountSource {
  const snapshot = sql`${since}::pg_snapshot`;
  return {
    from: sql`(SELECT * FROM ${c} WHERE ${c.tx} >= pg_snapshot_xmin(${snapshot}) AND NOT pg_visible_in_snapshot(${c.tx}, ${snapshot}) AND ${usableSince(since)}) AS agreement_search`,
    tally: sql`coalesce(sum(sign), 0)::int`,
    carry: sql`, sign`,
  };
}

// The count statement's rows (as json_agg gives them) and the snapshot they were counted in.
export type Counted = { rows: unknown[]; snapshot: string };
type CountedRow = { rows: unknown[] | null; snapshot: string; usable?: boolean };

// One statement, one snapshot: the counts and the snapshot they were counted in.
function countedWithSnapshot(count: SQL, extra: SQL = sql``): SQL {
  return sql`WITH counted AS (${count})
    SELECT coalesce((SELECT json_agg(counted) FROM counted), '[]'::json) AS rows, pg_current_snapshot()::text AS snapshot ${extra}`;
}

export async function countWhole(db: Db, count: (source: CountSource) => SQL): Promise<Counted> {
  const { rows } = (await db.execute<CountedRow>(countedWithSnapshot(count(WHOLE_REGISTRY)))) as { rows: CountedRow[] };
  const [row] = rows;
  if (!row?.rows) throw new Error('the count returned nothing');
  return { rows: row.rows, snapshot: row.snapshot };
}

// What changed since `since`, counted; null when the changes cannot say (count the whole again).
export async function countChanges(db: Db, count: (source: CountSource) => SQL, since: string): Promise<Counted | null> {
  const { rows } = (await db.execute<CountedRow>(countedWithSnapshot(count(changesSince(since)), sql`, ${usableSince(since)} AS usable`))) as { rows: CountedRow[] };
  const [row] = rows;
  if (!row?.rows || !row.usable) return null;
  return { rows: row.rows, snapshot: row.snapshot };
}

// Changes older than `before` are removed; kept counts from a snapshot that may not have seen some
// of them are counted again (the horizon moves past every removed transaction, in the same
// transaction as the removal).
export async function removeChangesBefore(db: Db, before: Date): Promise<number> {
  const { rows } = (await db.execute<{ removed: number }>(sql`WITH removed AS (DELETE FROM ${c} WHERE ${c.at} < ${before.toISOString()}::timestamptz RETURNING ${c.tx}),
      moved AS (UPDATE ${h} SET counted_from = greatest(${h.countedFrom}, (SELECT max(tx) FROM removed))
        WHERE ${h.id} = 1 AND EXISTS (SELECT 1 FROM removed) RETURNING 1)
    SELECT (SELECT count(*) FROM removed)::int AS removed, (SELECT count(*) FROM moved)::int AS moved`)) as { rows: { removed: number }[] };
  return rows[0]?.removed ?? 0;
}
