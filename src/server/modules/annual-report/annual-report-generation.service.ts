import type { ReportContent } from '../../../shared/annual-report';
import { groupBy } from '../../lib/group-by';
import { localDate, type Ctx } from '../../lib/context';
import { ensureHealthFresh, storedHealthOf } from '../agreement-health/agreement-health.service';
import { latestFinalResults } from '../evaluation/evaluation.service';
import * as repo from './annual-report.repository';
import { findingsOf, recapRowOf, sectionOf, type AgreementBundle, type PeriodWindow } from './annual-report.rules';

// Builds a report's content from the register. A year may hold thousands of agreements in force:
// the facts are read a batch at a time (a few queries per batch, never one per agreement) and the
// event loop is given back between batches, so that the server keeps answering meanwhile.

export const GENERATION_BATCH = 100;

type GenerationCtx = Pick<Ctx, 'db' | 'now'>;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function bundlesOf(ctx: GenerationCtx, input: { ids: string[]; window: PeriodWindow }): Promise<AgreementBundle[]> {
  const { ids, window } = input;
  const agreements = await repo.selectAgreementFacts(ctx.db, ids);
  const plans = groupBy(await repo.selectPlanFacts(ctx.db, { ids, year: window.year }), (plan) => plan.agreementId);
  const reports = groupBy(
    await repo.selectReportFacts(ctx.db, {
      ids,
      periods: window.reportPeriods,
    }),
    (report) => report.agreementId,
  );
  const evaluations = await latestFinalResults(ctx.db, { agreementIds: ids });
  const health = await storedHealthOf(ctx, { agreementIds: ids });
  return agreements.map((agreement) => {
    const evaluation = evaluations.get(agreement.id);
    const state = health.get(agreement.id);
    return {
      agreement,
      plans: plans.get(agreement.id) ?? [],
      reports: reports.get(agreement.id) ?? [],
      evaluation: evaluation
        ? {
            period: evaluation.period,
            finalisedOn: evaluation.finalisedAt ? localDate(evaluation.finalisedAt) : null,
            result: evaluation.result,
          }
        : null,
      health: state ? { status: state.status, reasons: state.reasons } : null,
    };
  });
}

// Every agreement in force during the window, a batch of parts at a time (sections, recap rows and
// open findings), handed to `onBatch`; the event loop is given back between batches.
export async function generateParts(ctx: GenerationCtx, input: { window: PeriodWindow; onBatch: (parts: repo.SectionPart[], progress: { done: number; total: number }) => Promise<void> }): Promise<number> {
  const { window } = input;
  await ensureHealthFresh(ctx);
  const ids = (await repo.selectInForceIds(ctx.db, window)).map((row) => row.id);
  for (let start = 0; start < ids.length; start += GENERATION_BATCH) {
    const bundles = await bundlesOf(ctx, { ids: ids.slice(start, start + GENERATION_BATCH), window });
    const parts = bundles.map((bundle) => ({ section: sectionOf(bundle, window), recap: recapRowOf(bundle, window), findings: window.kind === 'semester' ? findingsOf(bundle) : [] }));
    await input.onBatch(parts, { done: Math.min(ids.length, start + GENERATION_BATCH), total: ids.length });
    await yieldToEventLoop();
  }
  return ids.length;
}

export function contentOf(window: PeriodWindow, input: { generatedAt: Date; parts: Pick<repo.SectionPart, 'section' | 'recap' | 'findings'>[] }): ReportContent {
  const recap = input.parts.map((part) => part.recap);
  return {
    periodFirstDay: window.firstDay,
    periodLastDay: window.lastDay,
    generatedAt: input.generatedAt.toISOString(),
    sections: input.parts.map((part) => part.section),
    recap,
    dormant: window.kind === 'semester' ? recap.filter((row) => row.isDormant) : [],
    findings: input.parts.flatMap((part) => part.findings),
  };
}

// The whole content in memory: the command line's report, built now from the register.
export async function buildReportContent(ctx: GenerationCtx, input: { window: PeriodWindow }): Promise<ReportContent> {
  const parts: repo.SectionPart[] = [];
  await generateParts(ctx, {
    window: input.window,
    onBatch: async (batch) => {
      parts.push(...batch);
      await Promise.resolve();
    },
  });
  return contentOf(input.window, { generatedAt: ctx.now, parts });
}

// Several processes share the database, so whether a report is being generated is read from its
// row, the same on every process: pending with a heartbeat newer than GENERATION_STALE_MS. The
// generating process renews the heartbeat on every batch and every GENERATION_HEARTBEAT_MS
// meanwhile (a slow batch, or a wait behind another report, must not look dead). Two minutes is
// several missed heartbeats, not a pause of the event loop or a slow query; a report left pending by
// a stopped process shows as failed after it, and can be generated again.
export const GENERATION_HEARTBEAT_MS = 20_000;
export const GENERATION_STALE_MS = 2 * 60_000;

export function isBeingGenerated(row: Pick<repo.AnnualReportRow, 'jobStatus' | 'jobHeartbeatAt'>, now: Date): boolean {
  if (row.jobStatus !== 'pending' || !row.jobHeartbeatAt) return false;
  return now.getTime() - row.jobHeartbeatAt.getTime() < GENERATION_STALE_MS;
}

// The job's clock: the request's instant plus the time gone since, so that heartbeats are written
// on the clock the readers' ctx.now is read from (injected in tests).
export function jobClock(now: Date): () => Date {
  const started = performance.now();
  return () => new Date(now.getTime() + (performance.now() - started));
}

// Renews the report's heartbeat until the returned function is called. A failed write is left to
// the next tick: the lease only lapses after several.
export function keepHeartbeat(ctx: GenerationCtx, input: { reportId: string; clock: () => Date }): () => void {
  const timer = setInterval(() => {
    repo.updateJobHeartbeat(ctx.db, { id: input.reportId, at: input.clock() }).catch(() => undefined);
  }, GENERATION_HEARTBEAT_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}

// One generation at a time, in this process: a second request waits its turn.
let tail: Promise<void> = Promise.resolve();

export function enqueueGeneration(input: { run: () => Promise<void> }): void {
  // A failed run is already written on its report; the chain goes on to the next.
  tail = tail.then(input.run).catch(() => undefined);
}

// Resolves when every queued generation has finished (tests and an orderly shutdown wait on it).
export function whenGenerationIdle(): Promise<void> {
  return tail;
}
