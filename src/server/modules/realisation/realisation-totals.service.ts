import { BENEFICIARY_GROUPS, FUND_SOURCES, type BeneficiaryGroup } from '../../../shared/realisation';
import type { Ctx } from '../../lib/context';
import * as repo from './realisation.repository';

type FundSource = (typeof FUND_SOURCES)[number];

// Per year of the report periods, from verified reports only: how many agreements have one, the
// beneficiaries by group and the funds realised by source (rupiah as text: sums pass 2^53).
export type VerifiedYearTotals = {
  year: number;
  agreements: number;
  beneficiaries: Record<BeneficiaryGroup, number>;
  funds: Record<FundSource, string>;
};

function emptyYear(year: number): VerifiedYearTotals {
  return {
    year,
    agreements: 0,
    beneficiaries: Object.fromEntries(BENEFICIARY_GROUPS.map((group) => [group, 0])) as Record<BeneficiaryGroup, number>,
    funds: Object.fromEntries(FUND_SOURCES.map((source) => [source, '0'])) as Record<FundSource, string>,
  };
}

function isGroup(code: string): code is BeneficiaryGroup {
  return (BENEFICIARY_GROUPS as readonly string[]).includes(code);
}

function isSource(code: string): code is FundSource {
  return (FUND_SOURCES as readonly string[]).includes(code);
}

// For the open data and reports of a higher module; only years that have a verified report appear.
export async function verifiedTotalsByYear(ctx: Pick<Ctx, 'db'>, range: { from: number; to: number }): Promise<Map<number, VerifiedYearTotals>> {
  const [counts, beneficiaries, funds] = await Promise.all([
    repo.selectVerifiedAgreementCounts(ctx.db, range),
    repo.selectVerifiedSums(ctx.db, { ...range, list: 'beneficiaries' }),
    repo.selectVerifiedSums(ctx.db, { ...range, list: 'funds' }),
  ]);
  const years = new Map<number, VerifiedYearTotals>();
  const yearOf = (year: number): VerifiedYearTotals => {
    const found = years.get(year) ?? emptyYear(year);
    years.set(year, found);
    return found;
  };
  for (const row of counts) yearOf(row.year).agreements = row.agreements;
  for (const row of beneficiaries) if (isGroup(row.code)) yearOf(row.year).beneficiaries[row.code] = Number(row.total);
  for (const row of funds) if (isSource(row.code)) yearOf(row.year).funds[row.code] = row.total;
  return years;
}

// When a report was last verified: the open data's "modified" date.
export function lastVerifiedAt(ctx: Pick<Ctx, 'db'>): Promise<Date | null> {
  return repo.selectLastVerifiedChange(ctx.db);
}
export { reportsRevisionSql } from './realisation.repository';
