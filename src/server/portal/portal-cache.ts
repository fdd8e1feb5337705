import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { localDate } from '../lib/context';

// Rendered portal pages kept in memory by address. Each entry carries the signature of what was
// published when it was rendered: the registry revision (bumped at the commit of any change to the
// registry's rows, see search.cache.ts), the versions of agreements, procedures, master data and
// settings, the set of public documents, published dissemination, and Ternate's date (an agreement
// leaves the portal the day after it ends). The signature is read at most once per interval per
// process, so 200 readers cost a handful of queries a second, not 200.

export type CachedPage = { status: number; type: string; body: Buffer; gzipped: Buffer; signature: string; visit?: { page: 'agreement' | 'opportunity'; id: string } };

const MAX_PAGES = 500;

async function readSignature(db: Db, now: Date): Promise<string> {
  // Counts and version sums, not timestamps: every edit bumps a version, whatever clock wrote it.
  const result: unknown = await db.execute(sql`SELECT
      (SELECT revision FROM registry_revision WHERE id = 1) AS r,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM agreements) AS a,
      (SELECT count(*) || ':' || coalesce(sum(hashtext(id::text)::bigint), 0) FROM documents WHERE is_public) AS d,
      (SELECT coalesce(sum(version), 0) FROM procedures) AS p,
      (SELECT (SELECT count(*) + coalesce(sum(version), 0) FROM sectors) || ':' || (SELECT count(*) + coalesce(sum(version), 0) FROM partner_groups)) AS m,
      (SELECT coalesce(sum(version), 0) FROM settings) AS s,
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM dissemination_packages WHERE status = 'published') AS k`);
  const [row] = (result as { rows: Record<string, unknown>[] }).rows;
  return `${Object.values(row ?? {}).map(String).join('|')}|${localDate(now)}`;
}

export type PageCache = {
  signature: (now: Date) => Promise<string>;
  get: (key: string, signature: string) => CachedPage | undefined;
  set: (key: string, page: CachedPage) => void;
  clear: () => void;
};

export function createPageCache(db: Db, intervalMs: number): PageCache {
  const pages = new Map<string, CachedPage>();
  let current: { at: number; value: Promise<string> } | null = null;
  return {
    signature(now) {
      const at = Date.now();
      if (!current || at - current.at >= intervalMs) {
        const value = readSignature(db, now);
        current = { at, value };
        value.catch(() => {
          current = null;
        });
      }
      return current.value;
    },
    get(key, signature) {
      const page = pages.get(key);
      if (!page || page.signature !== signature) return undefined;
      // Most recently used last, so the oldest is the first to go.
      pages.delete(key);
      pages.set(key, page);
      return page;
    },
    set(key, page) {
      pages.set(key, page);
      while (pages.size > MAX_PAGES) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
    },
    clear() {
      pages.clear();
    },
  };
}
