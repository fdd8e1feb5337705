import type { Db } from '../../db/client';
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
