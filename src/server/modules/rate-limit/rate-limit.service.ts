import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/client';
import { countHit, deleteFinishedWindows, readCount } from './rate-limit.repository';

// Finished windows are deleted by the hit that comes at most this long after the last sweep (per
// process): the table holds about one window's worth of callers, never a history of them.
const SWEEP_INTERVAL_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type Sweep = { lastAt: number };

// @fastify/rate-limit's `store` (docs/decisions/0036-operations.md): the counters live in the
// database, so every process counts the same hits. The plugin makes one child per route that
// declares config.rateLimit; the child's key starts with the route, so the limits of two routes
// never share a counter. continueExceeding and exponentialBackoff are not offered (no route uses
// them): a window is fixed from its first hit.
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  const sweep: Sweep = { lastAt: 0 };
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;

    constructor(options: { routeInfo?: { method?: string | string[]; url?: string } } = {}) {
      const route = options.routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : route?.method;
      this.prefix = route?.url ? `${method ?? '*'} ${route.url}|` : '*|';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(db, sweep, { key: this.prefix + key, windowMs: timeWindow }).then(
        (count) => {
          callback(null, { current: count.hits, ttl: count.ttlMs });
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    read(key: string, callback: Callback): void {
      readCount(db, this.prefix + key).then(
        (count) => {
          callback(null, { current: count.hits, ttl: count.ttlMs });
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions as { routeInfo?: { method?: string | string[]; url?: string } });
    }
  }
  return DatabaseRateLimitStore;
}

async function hit(db: Db, sweep: Sweep, input: { key: string; windowMs: number }) {
  const at = Date.now();
  if (at - sweep.lastAt >= SWEEP_INTERVAL_MS) {
    sweep.lastAt = at;
    await deleteFinishedWindows(db);
  }
  return countHit(db, input);
}
