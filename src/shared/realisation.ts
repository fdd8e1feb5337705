import { z } from 'zod';
import { PeriodCodeSchema } from './evaluation';
import { int4, isoDate, plainText, versionSchema } from './input';
import { BUDGET_SOURCES, type BudgetSource } from './plans';

// Realisation reports (laporan realisasi) of activity plans, one per plan and monitoring period
// (issue 11, part 2). Permendagri 25/2020 Ps 37(1): progress, beneficiaries, financing, obstacles
// and follow-up are what a report holds.

// The semester a date (YYYY-MM-DD) falls in, as 'YYYY-S1' (January–June) or 'YYYY-S2'.
export function periodOfDate(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-${Number(isoDate.slice(5, 7)) <= 6 ? 'S1' : 'S2'}`;
}

// The period of a date and the `count - 1` before it, newest first (what a form offers to pick).
export function recentPeriods(isoDate: string, count: number): string[] {
  let year = Number(isoDate.slice(0, 4));
  let half = Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2;
  const periods: string[] = [];
  for (let index = 0; index < count; index += 1) {
    periods.push(`${String(year)}-S${String(half)}`);
    if (half === 2) half = 1;
    else [year, half] = [year - 1, 2];
  }
  return periods;
}

export const REPORT_STATUSES = ['draft', 'submitted', 'verified', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const COMPLETIONS = ['not_started', 'under_half', 'half_or_more', 'completed', 'cancelled'] as const;
export type Completion = (typeof COMPLETIONS)[number];

// The groups the division counts beneficiaries by; anything else is "lainnya" with its place named.
export const BENEFICIARY_GROUPS = ['umkm', 'pedagang', 'pelajar_mahasiswa', 'warga', 'asn', 'lainnya'] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

// Funds are realised from the same sources a plan is financed from.
export const FUND_SOURCES = BUDGET_SOURCES;

export const EVIDENCE_KINDS = ['berita_acara', 'daftar_hadir', 'foto', 'bukti_setor', 'lainnya'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

// What an evidence file may be, decided by its content on the server.
export const EVIDENCE_ACCEPT = 'image/*,application/pdf';

export const LIMITS = { longText: 4000, location: 300, place: 200, beneficiaries: 50 } as const;

const rupiah = plainText().trim().regex(/^-?\d{1,18}$/, 'nilai rupiah: angka bulat / whole rupiah');
const longText = () => plainText().trim().max(LIMITS.longText).nullable().optional();

export const BeneficiaryEntrySchema = z
  .object({
    group: z.enum(BENEFICIARY_GROUPS),
    count: int4(),
    place: plainText().trim().max(LIMITS.place).nullable().optional(),
  })
  .strict();
export type BeneficiaryEntry = z.infer<typeof BeneficiaryEntrySchema>;

export const FundEntrySchema = z.object({ source: z.enum(FUND_SOURCES), realised: rupiah }).strict();
export type FundEntry = z.infer<typeof FundEntrySchema>;

const fields = {
  summary: plainText().trim().min(3).max(LIMITS.longText),
  startedOn: isoDate.nullable().optional(),
  endedOn: isoDate.nullable().optional(),
  location: plainText().trim().max(LIMITS.location).nullable().optional(),
  outputs: longText(),
  beneficiaries: z.array(BeneficiaryEntrySchema).max(LIMITS.beneficiaries),
  funds: z.array(FundEntrySchema).max(FUND_SOURCES.length),
  completion: z.enum(COMPLETIONS),
  obstaclesInternal: longText(),
  obstaclesExternal: longText(),
  followUp: longText(),
};

export const CreateReportSchema = z
  .object({ ...fields, period: PeriodCodeSchema, beneficiaries: fields.beneficiaries.default([]), funds: fields.funds.default([]), completion: fields.completion.default('not_started') })
  .strict();
export type CreateReportInput = z.infer<typeof CreateReportSchema>;

export const UpdateReportSchema = z.object(fields).partial().extend({ version: versionSchema }).strict();
export type UpdateReportInput = z.infer<typeof UpdateReportSchema>;

export const ReportStepSchema = z.object({ version: versionSchema }).strict();
export type ReportStepInput = z.infer<typeof ReportStepSchema>;

// Returning a report always says why, so the OPD knows what to correct.
export const ReturnReportSchema = z.object({ version: versionSchema, reason: plainText().trim().min(3).max(2000) }).strict();
export type ReturnReportInput = z.infer<typeof ReturnReportSchema>;

export const ReportListQuerySchema = z.object({ period: PeriodCodeSchema.optional(), status: z.enum(REPORT_STATUSES).optional() }).strict();
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

export const EvidenceFieldsSchema = z.object({ kind: z.enum(EVIDENCE_KINDS) });
export type EvidenceFields = z.infer<typeof EvidenceFieldsSchema>;

export type EvidenceView = {
  id: string;
  kind: EvidenceKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

// What the reader may do with this report, from the server's policy.
export type ReportAbilities = { canEdit: boolean; canSubmit: boolean; canVerify: boolean; canUploadEvidence: boolean };

export type ReportSummaryView = {
  id: string;
  planId: string;
  planTitle: string;
  agreementId: string;
  unitId: string;
  unitName: string;
  period: string;
  status: ReportStatus;
  completion: Completion;
  submittedAt: string | null;
  verifiedAt: string | null;
  updatedAt: string;
  // Why the division returned it, while it is returned; the OPD's list shows it beside the plan.
  returnReason: string | null;
};

export type ReportView = ReportSummaryView & {
  summary: string;
  startedOn: string | null;
  endedOn: string | null;
  location: string | null;
  outputs: string | null;
  beneficiaries: BeneficiaryEntry[];
  funds: FundEntry[];
  // Planned funds come from the plan, so the report is read against it.
  planned: { amount: string; source: BudgetSource };
  obstaclesInternal: string | null;
  obstaclesExternal: string | null;
  followUp: string | null;
  evidence: EvidenceView[];
  version: number;
  abilities: ReportAbilities;
};

// One agreement in force that owes a report for a period: "reported" (submitted or verified) and
// "implemented" (verified as completed) are different facts.
export type ReportDue = {
  agreementId: string;
  leadUnitIds: string[];
  planCount: number;
  reportedPlanCount: number;
  verifiedPlanCount: number;
  reported: boolean;
};
