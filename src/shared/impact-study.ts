import { z } from 'zod';
import { plainText } from './input';
import type { EvaluationBand } from './evaluation';
import type { BeneficiaryGroup, FUND_SOURCES } from './realisation';
import type { StatsYear } from './stats';

// The impact study (kajian dampak, issue 12 item 2): the survey's tables for any range of years,
// what the survey could not see (implementation, beneficiaries, funds, evaluations, dormancy) and a
// narrative the writer may edit before export. The range is the statistics' own (StatsQuerySchema).
export const MAX_IMPACT_NARRATIVE_LENGTH = 20_000;

export const SaveImpactDraftSchema = z.object({
  narrative: plainText().trim().min(1, 'narasi wajib diisi / the narrative is required').max(MAX_IMPACT_NARRATIVE_LENGTH),
});
export type SaveImpactDraftInput = z.output<typeof SaveImpactDraftSchema>;

export type FundSource = (typeof FUND_SOURCES)[number];

export type ImpactYear = StatsYear & {
  // Counted agreements (KB, PKS, NK) in force at some time in the year.
  inForce: number;
  // Agreements with an OPD activity plan for the budget year.
  planned: number;
  // Agreements with a verified realisation report for a period in the year.
  implemented: number;
  beneficiaries: Record<BeneficiaryGroup, number>;
  beneficiariesTotal: number;
  // Rupiah as text: sums pass 2^53.
  funds: Record<FundSource, string>;
  fundsTotal: string;
  // Final evaluations of the year's periods by band.
  bands: Record<EvaluationBand, number>;
  // Agreements dormant as of the year's last day (today for the current year), out of those in force
  // then; null for a year that has not begun.
  dormant: number | null;
  inForceOnDay: number | null;
};

export type ImpactLabel = { code: string; name: string };

export type ImpactNarrative = {
  generated: string;
  // The writer's saved edit for this range, if any; the export uses it instead of the generated text.
  edited: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
};

export type ImpactStudyView = {
  from: number;
  to: number;
  labels: { groups: ImpactLabel[]; categories: (ImpactLabel & { groupCode: string })[]; sectors: ImpactLabel[] };
  years: ImpactYear[];
  narrative: ImpactNarrative;
  canEdit: boolean;
};
