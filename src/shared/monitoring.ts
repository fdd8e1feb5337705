// Monitoring as of a date: what `npm run jalin -- monitor --json` prints (issue 11's contract), and
// later what the health screens read.

// Why an agreement counts as dormant, as stable codes the screens translate.
export const DORMANT_REASONS = ['no_plan', 'no_verified_report', 'not_disseminated'] as const;
export type DormantReason = (typeof DORMANT_REASONS)[number];

// nomorPemda is our own number (numberOurs); null for a document registered without one.
export type ExpiringAgreement = { nomorPemda: string | null; endsOn: string; daysLeft: number };
export type DormantAgreement = { nomorPemda: string | null; reasons: DormantReason[] };

export type MonitorReport = {
  on: string;
  expiring: ExpiringAgreement[];
  dormant: DormantAgreement[];
  // Agreements whose activity plans of the last closed monitoring period lack a submitted report.
  reportsOverdue: number;
};
