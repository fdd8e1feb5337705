import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitCounters } from './rate-limit.table';

export type WindowCount = { hits: number; ttlMs: number };

// Both are int in SQL; the drivers may still hand them over as numbers or strings.
type CountRow = { hits: number | string; ttl_ms: number | string };

function firstRow(result: unknown): CountRow | undefined {
  return (result as { rows: CountRow[] }).rows[0];
}

// One statement per hit, atomic under concurrency: the first hit inserts, a hit inside the window
// adds one, a hit after the window starts a new one. The database's clock decides, so processes
// whose clocks differ still agree on the window.
export async function countHit(db: Db, input: { key: string; windowMs: number }): Promise<WindowCount> {
  const result = await db.execute(sql`
    INSERT INTO ${rateLimitCounters} (key, hits, reset_at)
    VALUES (${input.key}, 1, statement_timestamp() + ${input.windowMs}::int * interval '1 millisecond')
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN ${rateLimitCounters}.reset_at <= statement_timestamp() THEN 1 ELSE ${rateLimitCounters}.hits + 1 END,
      reset_at = CASE WHEN ${rateLimitCounters}.reset_at <= statement_timestamp() THEN excluded.reset_at ELSE ${rateLimitCounters}.reset_at END
    RETURNING hits, greatest(0, ceil(extract(epoch FROM reset_at - statement_timestamp()) * 1000))::int AS ttl_ms`);
  const row = firstRow(result);
  if (!row) throw new Error(`rate limit counter ${input.key} was not written`);
  return { hits: Number(row.hits), ttlMs: Number(row.ttl_ms) };
}

// The count without adding a hit (a finished window counts as none).
export async function readCount(db: Db, key: string): Promise<WindowCount> {
  const result = await db.execute(sql`
    SELECT hits, greatest(0, ceil(extract(epoch FROM reset_at - statement_timestamp()) * 1000))::int AS ttl_ms
    FROM ${rateLimitCounters} WHERE key = ${key} AND reset_at > statement_timestamp()`);
  const row = firstRow(result);
  return row ? { hits: Number(row.hits), ttlMs: Number(row.ttl_ms) } : { hits: 0, ttlMs: 0 };
}

// Rows whose window has ended hold nothing a later hit needs (it starts a new window anyway).
export async function deleteFinishedWindows(db: Db): Promise<number> {
  const result = await db.execute(sql`DELETE FROM ${rateLimitCounters} WHERE reset_at <= statement_timestamp()`);
  return (result as { rowCount?: number | null; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0;
}
