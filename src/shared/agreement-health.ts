import type { EvaluationBand } from './evaluation';

// An agreement's health, derived as of a date and never typed by hand (issue 11 item 5, decision
// record 0016). Stable codes; the screens translate them.
export const HEALTH_STATUSES = ['sehat', 'perlu_perhatian', 'dorman'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export const HEALTH_REASONS = [
  'dormant',
  'not_disseminated',
  'not_acknowledged',
  'no_plan',
  'no_report',
  'late_obligations',
  'weak_evaluation',
  'ending_soon',
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

export type AgreementHealth = {
  status: HealthStatus;
  reasons: HealthReason[];
  // The band of the latest final evaluation, shown beside the reasons (null: never evaluated).
  lastBand: EvaluationBand | null;
  on: string;
};

// GET /api/agreements/:id/health. null: the agreement is not in force (a draft, not yet started,
// ended), so it has no health to speak of.
export type AgreementHealthView = { health: AgreementHealth | null };
