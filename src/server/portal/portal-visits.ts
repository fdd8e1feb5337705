import type { Db } from '../db/client';
import { localDate } from '../lib/context';
import { recordPortalVisits } from '../modules/dissemination/dissemination-public.service';

export type VisitPage = 'agreement' | 'opportunity';

// Visits are summed in memory and written in one statement every few seconds, so a busy page
// costs no write per reader and readers never wait on one counter row.
export type VisitCounter = { record: (page: VisitPage, entityId: string, now: Date) => Promise<void>; flush: () => Promise<void> };

export function createVisitCounter(db: Db, intervalMs: number): VisitCounter {
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const rows = [...batch.entries()].map(([key, visits]) => {
      const [page, entityId, day] = key.split('|') as [VisitPage, string, string];
      return { page, entityId, day, visits };
    });
    await recordPortalVisits(db, rows);
  }

  return {
    async record(page, entityId, now) {
      const key = `${page}|${entityId}|${localDate(now)}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      if (intervalMs === 0) return flush();
      timer ??= setTimeout(() => {
        flush().catch(() => undefined);
      }, intervalMs);
      timer.unref();
    },
    flush,
  };
}
