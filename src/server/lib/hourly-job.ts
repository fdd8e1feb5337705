import type { Db } from '../db/client';
import { buildCtx, type Ctx, type CtxDeps } from './context';

const HOUR_MS = 60 * 60 * 1000;

// Runs a job once an hour (and once shortly after start) with a context made for each run — the
// timer is where a run's clock is read. A failed run is written to stderr and tried again at the
// next hour; jobs are idempotent, so a run that overlaps another process's sends nothing twice.
// The returned stop waits for a run already under way, so the database can be closed after it.
export function startHourlyJob(job: { name: string; run: (ctx: Ctx) => Promise<unknown>; everyMs?: number }, deps: CtxDeps & { db: Db }): () => Promise<void> {
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return;
    current = job
      .run(buildCtx(deps, { db: deps.db, now: new Date() }))
      .then(
        () => undefined,
        (error: unknown) => {
          process.stderr.write(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
        },
      )
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, job.everyMs ?? HOUR_MS);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await current;
  };
}
