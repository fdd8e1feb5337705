import { z } from 'zod';
import type { ReportDeadline } from './annual-report';
import type { EvaluationBand } from './evaluation';
import { isoDate } from './input';
import { PAGE_SIZE_MAX } from './limits';
import type { BeneficiaryGroup } from './realisation';
import type { BudgetSource } from './plans';

// The leadership's dashboard (issue 12 item 1): the road from signed documents to results for a
// period, beside the same figures for the period of the same length just before it.

// The funnel's steps in order. Each counts agreements of the period's cohort — KB, PKS and NK in
// force at some time in the period (docs/decisions/0019-leadership-dashboard.md defines every step).
export const FUNNEL_STEPS = ['signed', 'disseminated', 'acknowledged', 'planned', 'implemented', 'evaluated', 'impact'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

// The Wali Kota's priority in the article: UMKM and traders. The lens reads the master data's UMKM
// sector (UMKM dan Koperasi, migration 0001) and the realisation reports' beneficiary groups for
// micro businesses and market traders (shared/realisation.ts BENEFICIARY_GROUPS).
export const UMKM_LENS = { sectorCodes: ['umkm_koperasi'], beneficiaryGroups: ['umkm', 'pedagang'] } as const satisfies {
  sectorCodes: readonly string[];
  beneficiaryGroups: readonly BeneficiaryGroup[];
};

// A range longer than this is a study, not a dashboard (the impact study covers any years).
export const MAX_DASHBOARD_DAYS = 10 * 366;
export const FUNNEL_PAGE_SIZE = 25;

export const DashboardQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((value, context) => {
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'from tidak boleh sesudah to / from must not be after to' });
    }
  });
export type DashboardQuery = z.output<typeof DashboardQuerySchema>;

export const FunnelStepParamsSchema = z.object({ step: z.enum(FUNNEL_STEPS) });

export const FunnelListQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(FUNNEL_PAGE_SIZE),
  })
  .superRefine((value, context) => {
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'from tidak boleh sesudah to / from must not be after to' });
    }
  });
export type FunnelListQuery = z.output<typeof FunnelListQuerySchema>;

export type DashboardPeriod = { from: string; to: string };

// A figure now and in the previous period.
export type Compared = { count: number; previous: number };

export type FunnelFigure = Compared & { step: FunnelStep };
export type BeneficiaryFigure = Compared & { group: BeneficiaryGroup };
// Rupiah as decimal text: sums pass 2^53.
export type FundFigure = { source: BudgetSource; realised: string; previous: string };
export type BandFigure = Compared & { band: EvaluationBand };

export type AgreementRef = { id: string; numberOurs: string | null; title: string };
export type ExpiringAgreement = AgreementRef & { endsOn: string };
export type OverdueReport = { planId: string; planTitle: string; agreementId: string; agreementTitle: string; unitName: string };

export type UnitRow = { unitId: string; unitName: string; assigned: number; planned: number; implemented: number; evaluated: number };
export type SectorRow = { sectorCode: string; sectorName: string; agreements: number; planned: number; implemented: number; evaluated: number };

export type UmkmLens = {
  sectorCodes: string[];
  beneficiaryGroups: BeneficiaryGroup[];
  agreements: Compared;
  planned: Compared;
  implemented: Compared;
  // Planned budget of the UMKM agreements' activity plans of the period's budget years.
  plannedBudget: { amount: string; previous: string };
  beneficiaries: BeneficiaryFigure[];
  funds: FundFigure[];
};

// A statutory report's countdown (the annual report to the Gubernur and its kin).

export type LeadershipDashboard = {
  // Today in Ternate: the day dormancy, expiry and overdue reports are read on.
  on: string;
  period: DashboardPeriod;
  previousPeriod: DashboardPeriod;
  // The agreements signed in the period (a part of the funnel's first step).
  signedInPeriod: Compared;
  funnel: FunnelFigure[];
  beneficiaries: BeneficiaryFigure[];
  funds: FundFigure[];
  bands: BandFigure[];
  dormant: { total: number; top: AgreementRef[] };
  expiring: { total: number; withinDays: number; top: ExpiringAgreement[] };
  overdueReports: { period: string; total: number; top: OverdueReport[] };
  byUnit: UnitRow[];
  bySector: SectorRow[];
  umkm: UmkmLens;
  deadlines: ReportDeadline[];
};

export type FunnelAgreement = {
  id: string;
  numberOurs: string | null;
  numberPartner: string | null;
  title: string;
  signedOn: string | null;
  partnerName: string | null;
  unitName: string | null;
};

export type FunnelList = { step: FunnelStep; period: DashboardPeriod; items: FunnelAgreement[]; total: number; page: number; pageSize: number };
