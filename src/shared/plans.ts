import { z } from 'zod';
import { isoDate, plainText, versionSchema } from './input';

const month = plainText().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'format bulan YYYY-MM / month format YYYY-MM');
const code = plainText().trim().max(100).nullable().optional();

export const BUDGET_SOURCES = ['APBD', 'mitra', 'lainnya'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export const IndicatorSchema = z.object({
  name: plainText().trim().min(2).max(300),
  unit: plainText().trim().min(1).max(50),
  target: z.number().min(0).max(1e12),
});

const planFields = z.object({
  agreementId: z.uuid(),
  taskId: z.uuid().nullable().optional(),
  // An OPD user plans for its own OPD; the division may name one.
  unitId: z.uuid().optional(),
  title: plainText().trim().min(3).max(500),
  budgetYear: z.number().int().min(2000).max(2100),
  programCode: code,
  kegiatanCode: code,
  subKegiatanCode: code,
  // Whole rupiah as a string, like agreement values; a minus sign is refused by name.
  budgetAmount: plainText().trim().regex(/^-?\d{1,18}$/, 'nilai rupiah: angka bulat / whole rupiah'),
  budgetSource: z.enum(BUDGET_SOURCES),
  indicators: z.array(IndicatorSchema).max(20).default([]),
  startMonth: month.nullable().optional(),
  endMonth: month.nullable().optional(),
});

export const CreatePlanSchema = planFields;
export type CreatePlanInput = z.infer<typeof CreatePlanSchema>;
export const UpdatePlanSchema = planFields.omit({ agreementId: true, unitId: true }).partial().extend({ version: versionSchema });
export type UpdatePlanInput = z.infer<typeof UpdatePlanSchema>;

export type PlanView = {
  id: string;
  agreementId: string;
  agreementTitle: string;
  taskId: string | null;
  unitId: string;
  unitName: string;
  title: string;
  budgetYear: number;
  programCode: string | null;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  budgetAmount: string;
  budgetSource: BudgetSource;
  indicators: z.infer<typeof IndicatorSchema>[];
  startMonth: string | null;
  endMonth: string | null;
  version: number;
  // People reached that the plan's OPD recorded for the same agreement (beneficiaries are kept per
  // agreement and OPD, not per plan).
  beneficiaryCount: number;
};

export const PlanListQuerySchema = z.object({
  agreementId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  budgetYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuerySchema>;

// What an OPD must act on: published packages with a task for it.
export type InboxRow = {
  agreementId: string;
  agreementTitle: string;
  publishedAt: string | null;
  tasks: { id: string; commitment: string; dueOn: string | null }[];
  firstOpenedAt: string | null;
  acknowledgedAt: string | null;
  planCount: number;
};

export const CreateBeneficiarySchema = z.object({
  agreementId: z.uuid(),
  opportunityId: z.uuid().nullable().optional(),
  unitId: z.uuid().optional(),
  kind: plainText().trim().min(2).max(200),
  count: z.number().int().min(0).max(10_000_000),
  amountIdr: plainText().regex(/^\d{1,18}$/, 'nilai rupiah: angka bulat / whole rupiah').nullable().optional(),
  reachedOn: isoDate,
});
export type CreateBeneficiaryInput = z.infer<typeof CreateBeneficiarySchema>;
export type BeneficiaryView = {
  id: string;
  agreementId: string;
  opportunityId: string | null;
  unitId: string;
  unitName: string;
  kind: string;
  count: number;
  amountIdr: string | null;
  reachedOn: string;
};

export const GapQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export type GapCounts = { signed: number; disseminated: number; acknowledged: number; planned: number };
export type GapResponse = {
  totals: GapCounts;
  byYear: (GapCounts & { year: number })[];
  byUnit: { unitId: string; unitName: string; tasked: number; acknowledged: number; planned: number }[];
  withoutPlan: { agreementId: string; title: string; signedOn: string | null; disseminated: boolean }[];
  beneficiaries: { kind: string; count: number; amountIdr: string }[];
};
