import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { countChanges, countWhole, removeChangesBefore, type CountSource } from './search-changes.repository';
import { loadStoredCounts, removeStoredCountsBefore, storeCounts } from './search-kept.repository';
import { readRevision } from './search-revision.repository';

// Results that depend only on the registry's data (and on what the key adds: the day, the
// actor's draft visibility, a year range), kept per database connection under the revision that
// was current when they were computed. The revision changes in the same transaction as the data
// (deferred triggers, see search.table.ts), so an entry is either current or never asked for
// again; nothing has to be invalidated by hand, and several processes stay correct.

// Whole-registry counts and statistics per key, and one entry per facet value asked for.
const MAX_ENTRIES = 256;

// One cache per database handle: two databases (tests, several registries in one process) can
// stand at the same revision with different data.
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

function cacheOf(db: Db): Map<string, Promise<unknown>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

// The revision is read before computing: the result then reflects that revision or a later one,
// and a later one has its own key, so a stored entry is never older than its key says.
export async function cachedByRevision<T>(db: Db, input: { key: string; compute: () => Promise<T> }): Promise<T> {
  const { key, compute } = input;
  const fullKey = `${await readRevision(db)}|${key}`;
  const cache = cacheOf(db);
  const hit = cache.get(fullKey) as Promise<T> | undefined;
  if (hit) {
    // Most recently used last, so the oldest entry is the first to go.
    cache.delete(fullKey);
    cache.set(fullKey, hit);
    return hit;
  }
  const pending = compute();
  cache.set(fullKey, pending);
  pending.catch(() => cache.delete(fullKey));
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return pending;
}

// Counts over the register kept across changes: the first asking anywhere counts the whole register
// (the job queue does it for the day's common lists, decision 0041); after a change, the kept counts are brought up to date by counting only the changed rows
// (agreement_search_changes, decision 0038), so the first list after an edit costs what the edit
// changed, not what the register holds. Exact: every count is a sum over rows, and an old row
// version counts −1 where it counted before, its new version +1.
// `storedAt`: when this process last stored the key's counts (or read them stored), in ms.
type Kept<R> = { rows: R[]; snapshot: string; storedAt: number };
type KeptEntry = { revision: number; value: Promise<Kept<unknown>> };

const keptCaches = new WeakMap<object, Map<string, KeptEntry>>();

function keptCacheOf(db: Db): Map<string, KeptEntry> {
  let cache = keptCaches.get(db);
  if (!cache) {
    cache = new Map();
    keptCaches.set(db, cache);
  }
  return cache;
}

export type KeptCountsInput<R extends { count: number }> = {
  key: string;
  // The count statement over a source (the whole register, or changes added up by their sign).
  count: (source: CountSource) => SQL;
  // The row's group (which value of which facet): rows of one group add up.
  groupOf: (row: R) => string;
  // A group kept when its count falls to 0 (the total); other groups then disappear, as a fresh count
  // would not have them.
  keepsZero?: (row: R) => boolean;
};

function withChanges<R extends { count: number }>(rows: R[], changes: R[], input: KeptCountsInput<R>): R[] {
  const groups = new Map(rows.map((row) => [input.groupOf(row), row]));
  for (const change of changes) {
    if (change.count === 0) continue;
    const group = input.groupOf(change);
    const known = groups.get(group);
    groups.set(group, known ? { ...known, count: known.count + change.count } : change);
  }
  return [...groups.values()].filter((row) => row.count !== 0 || (input.keepsZero?.(row) ?? false));
}

// Kept counts come from this process's memory or, on its first asking, from the database, where the
// last process to count them stored them (decision 0041); either is brought up to date by the
// changes since its snapshot. Counted whole, they are stored at once; brought up to date, at most
// once a minute per key and process: another process then adds at most a minute of changes more,
// and a list after each of many edits does not write the key's counts each time (the statistics'
// are the largest, about 100 kB of text).
const STORE_EVERY_MS = 60_000;

async function bringUpToDate<R extends { count: number }>(db: Db, input: KeptCountsInput<R>, before: Promise<Kept<R>> | null): Promise<Kept<R>> {
  const kept = (before ? await before.catch(() => null) : null) ?? (await storedCounts<R>(db, input.key));
  // The rows are those of input.count's statement, which gives rows of type R.
  if (kept) {
    const changes = await countChanges(db, input.count, kept.snapshot);
    if (changes) {
      const next = { rows: withChanges(kept.rows, changes.rows as R[], input), snapshot: changes.snapshot, storedAt: kept.storedAt };
      return Date.now() - kept.storedAt >= STORE_EVERY_MS ? stored(db, input.key, next) : next;
    }
  }
  const whole = await countWhole(db, input.count);
  return stored(db, input.key, { rows: whole.rows as R[], snapshot: whole.snapshot, storedAt: 0 });
}

async function storedCounts<R>(db: Db, key: string): Promise<Kept<R> | null> {
  const found = await loadStoredCounts(db, key);
  return found ? { rows: found.rows as R[], snapshot: found.snapshot, storedAt: Date.now() } : null;
}

async function stored<R>(db: Db, key: string, kept: Kept<R>): Promise<Kept<R>> {
  await storeCounts(db, key, kept);
  return { ...kept, storedAt: Date.now() };
}

export async function keptCounts<R extends { count: number }>(db: Db, input: KeptCountsInput<R>): Promise<R[]> {
  const revision = await readRevision(db);
  const cache = keptCacheOf(db);
  const entry = cache.get(input.key);
  cache.delete(input.key);
  if (entry && entry.revision >= revision) {
    cache.set(input.key, entry);
    return ((await entry.value) as Kept<R>).rows;
  }
  const value = bringUpToDate(db, input, (entry?.value as Promise<Kept<R>> | undefined) ?? null);
  cache.set(input.key, { revision, value });
  value.catch(() => {
    if (cache.get(input.key)?.value === value) cache.delete(input.key);
  });
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return (await value).rows;
}

// How long changes stay for kept counts to catch up from: counts kept in a process that asked
// nothing for longer are counted whole once (the next asking), as on a process's first asking.
export const CHANGES_KEPT_HOURS = 24;

// Stored counts go with them: the keys of past days are never asked again, and counts not stored for
// a day would mostly be counted whole anyway.
export async function removeOldChanges(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CHANGES_KEPT_HOURS * 3_600_000);
  const removed = await removeChangesBefore(db, before);
  await removeStoredCountsBefore(db, before);
  return removed;
}
