import type { AgreementHealth, AgreementHealthView } from '../../../shared/agreement-health';
import { isDeadlock } from '../../db/unique-violation';
import { localDate, type ActorCtx, type Ctx } from '../../lib/context';
import { getAgreement } from '../agreements/agreements.service';
import { latestFinalBands } from '../evaluation/evaluation.service';
import { healthAsOf } from '../monitoring/agreement-health.service';
import * as repo from './agreement-health.repository';

// The stored health of the register (decision record 0016). Health is derived from many modules'
// facts; it is kept in agreement_health so that the register can filter and count by it, and
// refreshed whole when the facts have changed since (their generation moved, triggers of migration
// 0026) or the day has (dormancy and "ending soon" move with the date).

type HealthCtx = Pick<Ctx, 'db' | 'now'>;

function isFresh(freshness: repo.Freshness, on: string): boolean {
  return freshness.refreshed === freshness.changes && freshness.asOf === on;
}

// Derives every agreement's health as of `on` and stores it. One refresh at a time (an advisory
// lock); a refresh that waited finds the work done. The generation is read before the facts, so a
// change committed meanwhile leaves the stored health stale, never wrongly fresh.
export async function refreshHealth(ctx: HealthCtx, input: { on: string; force?: boolean }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.lockRefresh(tx);
    const freshness = await repo.selectFreshness(tx);
    if (!input.force && isFresh(freshness, input.on)) return;
    const lastBands = await latestFinalBands(tx);
    const health = await healthAsOf({ db: tx, now: ctx.now }, { on: input.on, lastBands });
    await repo.replaceHealth(tx, health);
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
