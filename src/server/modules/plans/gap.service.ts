import type { GapCounts, GapResponse } from '../../../shared/plans';
import { localDate, type ActorCtx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { countStepsPerUnit, countStepsPerYear, findActiveWithoutPlan, sumBeneficiaries, type GapCountRow } from './gap.repository';
import { canReadGap } from './plans.policy';

const WITHOUT_PLAN_LIMIT = 200;

const isoOf = (value: string | Date | null): string | null => (value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

const countsOf = (row: Omit<GapCountRow, 'year'>): GapCounts => ({
  signed: row.signed,
  disseminated: row.disseminated,
  acknowledged: row.acknowledged,
  planned: row.planned,
});

export async function getGap(ctx: ActorCtx, query: { year?: number | undefined }): Promise<GapResponse> {
  if (!canReadGap(ctx.actor)) throw forbidden();
  const today = localDate(ctx.now);
  const perYear = await countStepsPerYear(ctx.db, query.year);
  const withoutPlan = await findActiveWithoutPlan(ctx.db, { year: query.year, today, limit: WITHOUT_PLAN_LIMIT });
  const byUnit = await countStepsPerUnit(ctx.db, query.year);
  const beneficiaries = await sumBeneficiaries(ctx.db, query.year);
  return {
    totals: countsOf(perYear.reduce((sum, row) => ({ signed: sum.signed + row.signed, disseminated: sum.disseminated + row.disseminated, acknowledged: sum.acknowledged + row.acknowledged, planned: sum.planned + row.planned }), { signed: 0, disseminated: 0, acknowledged: 0, planned: 0 })),
    byYear: perYear.map((row) => ({ year: row.year, ...countsOf(row) })),
    byUnit: byUnit.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, tasked: row.tasked, acknowledged: row.acknowledged, planned: row.planned })),
    withoutPlan: withoutPlan.map((row) => ({ agreementId: row.id, title: row.title, signedOn: isoOf(row.signed_on), disseminated: row.disseminated })),
    beneficiaries: beneficiaries.map((row) => ({ kind: row.kind, count: row.count, amountIdr: row.amount ?? '0' })),
  };
}
