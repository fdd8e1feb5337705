import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { localDate } from '../lib/context';
import { agreementsRevisionSql } from '../modules/agreements/agreements.service';
import { publishedPackagesRevisionSql } from '../modules/dissemination/dissemination.service';
import { publicDocumentsRevisionSql } from '../modules/documents/documents.service';
import { evaluationsRevisionSql } from '../modules/evaluation/evaluation.service';
import { masterDataRevisionSql } from '../modules/master/master.service';
import { plansRevisionSql } from '../modules/plans/plans.service';
import { proceduresRevisionSql } from '../modules/procedures/procedures.service';
import { reportsRevisionSql } from '../modules/realisation/realisation-totals.service';
import { registryRevisionSql } from '../modules/search/search.service';
import { settingsRevisionSql } from '../modules/settings/settings.service';

// Rendered portal pages kept in memory by address. Each entry carries the signature of what was
// published when it was rendered: the registry revision (bumped at the commit of any change to the
// registry's rows, see search-cache.service.ts), the versions of agreements, procedures, master data and
// settings, the set of public documents, published dissemination, the plans, realisation reports and
// evaluations behind the open data's implementation figures (each module gives its part as SQL), and Ternate's date (an agreement leaves the portal the day after it ends). The signature is read at most once per interval per
// process, so 200 readers cost a handful of queries a second, not 200.

export type CachedPage = { status: number; type: string; body: Buffer; gzipped: Buffer; signature: string; visit?: { page: 'agreement' | 'opportunity'; id: string } };

const MAX_PAGES = 500;

// The fingerprint of everything a portal page shows, each part owned by its module, read in one
// statement.
function signatureParts(): SQL[] {
  return [registryRevisionSql(), agreementsRevisionSql(), publicDocumentsRevisionSql(), proceduresRevisionSql(), masterDataRevisionSql(), settingsRevisionSql(), publishedPackagesRevisionSql(), plansRevisionSql(), reportsRevisionSql(), evaluationsRevisionSql()];
}

async function readSignature(db: Db, now: Date): Promise<string> {
  const columns = signatureParts().map((part, index) => sql`${part}::text AS ${sql.identifier(`p${index}`)}`);
  const result: unknown = await db.execute(sql`SELECT ${sql.join(columns, sql`, `)}`);
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
