import type { AgreementHealth, AgreementHealthView } from '../../../shared/agreement-health';
import { isDeadlock } from '../../db/unique-violation';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { getAgreement } from '../agreements/agreements.service';
import { latestFinalBands } from '../evaluation/evaluation.service';
import { healthAsOf } from '../monitoring/agreement-health.service';
import * as repo from './agreement-health.repository';

// The stored health of the register (decision records 0016 and 0039). Health is derived from many
// modules' facts; it is kept in agreement_health so that the register can filter and count by it.
// When the facts have changed since (their generation moved, triggers of migration 0026), the
// agreements they belong to (marked by the triggers of migration 0046) are derived again; when
// the day has (dormancy and "ending soon" move with the date), the whole register is.

type HealthCtx = Pick<Ctx, 'db' | 'now'>;

function isFresh(freshness: repo.Freshness, on: string): boolean {
  return freshness.refreshed === freshness.changes && freshness.asOf === on;
}

// Beyond this many marked agreements one pass over the register costs less than reading them by id.
const MARKED_AT_MOST = 20_000;

function needsWholeRegister(freshness: repo.Freshness, dirty: repo.Dirty, input: { on: string; force?: boolean }): boolean {
  return Boolean(input.force) || freshness.refreshed === null || freshness.asOf !== input.on || dirty.isAll || dirty.agreementIds.length > MARKED_AT_MOST;
}

// Derives the health as of `on` of the agreements whose facts changed, or of every agreement, and
// stores it. One refresh at a time (an advisory lock); a refresh that waited finds the work done.
// The generation is read and the marks taken before the facts, so a change committed meanwhile
// leaves the stored health stale (and its mark in place), never wrongly fresh.
export async function refreshHealth(ctx: HealthCtx, input: { on: string; force?: boolean }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.lockRefresh(tx);
    const freshness = await repo.selectFreshness(tx);
    if (!input.force && isFresh(freshness, input.on)) return;
    const dirty = await repo.takeDirty(tx);
    const txCtx = { db: tx, now: ctx.now };
    if (needsWholeRegister(freshness, dirty, input)) {
      const health = await healthAsOf(txCtx, { on: input.on, lastBands: await latestFinalBands(tx) });
      await repo.replaceHealth(tx, health);
    } else if (dirty.agreementIds.length > 0) {
      const { stored, read } = await repo.healthNeighbourhood(tx, dirty.agreementIds);
      const lastBands = await latestFinalBands(tx, { agreementIds: read });
      const health = await healthAsOf(txCtx, { on: input.on, lastBands, agreementIds: read });
      const storedIds = new Set(stored);
      await repo.replaceHealth(tx, new Map([...health].filter(([id]) => storedIds.has(id))), stored);
    }
    await repo.upsertRefreshed(tx, { generation: freshness.changes, asOf: input.on, now: ctx.now });
  });
}

// Before anything reads the stored health: today's, and current with the facts. The refresh writes
// the register's copies of the state, rows a writer editing two agreements may hold in the other
// order: should the database break such a circle by failing the refresh, it is run once more.
export async function ensureHealthFresh(ctx: HealthCtx): Promise<void> {
  const on = localDate(ctx.now);
  if (isFresh(await repo.selectFreshness(ctx.db), on)) return;
  try {
    await refreshHealth(ctx, { on });
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    await refreshHealth(ctx, { on });
  }
}

// Stored health by agreement id, for whoever lists agreements the reader may already see.
export async function storedHealthOf(ctx: HealthCtx, input: { agreementIds: string[] }): Promise<Map<string, AgreementHealth>> {
  await ensureHealthFresh(ctx);
  const on = localDate(ctx.now);
  const rows = await repo.selectHealthOf(ctx.db, input.agreementIds);
  return new Map(rows.map((row) => [row.agreementId, { status: row.status, reasons: row.reasons, lastBand: row.lastBand, on }]));
}

// One agreement's health for whoever may read the agreement (its read rules answer 403/404 first).
export async function agreementHealthOf(ctx: ActorCtx, input: { agreementId: string }): Promise<AgreementHealthView> {
  await getAgreement(ctx, input.agreementId);
  const stored = await storedHealthOf(ctx, { agreementIds: [input.agreementId] });
  return { health: stored.get(input.agreementId) ?? null };
}
