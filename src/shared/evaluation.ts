import { z } from 'zod';
import type { PartnerLinkView } from './evaluation-links';
import { plainText } from './input';

// The article's three elements of a cooperation (domain.md, "Monitoring, evaluation …"):
// Simbiosis — how closely the parties work together; Mutualisme — the benefit to each side;
// Implementasi — what was actually carried out.
export const EVALUATION_DIMENSIONS = ['simbiosis', 'mutualisme', 'implementasi'] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

// Who answers an indicator: the lead OPD (self-assessment), the TKKSD, the partner (through its
// private link) and the division (the final verification).
export const EVALUATION_RESPONDENTS = ['opd', 'tkksd', 'partner', 'admin'] as const;
export type EvaluationRespondent = (typeof EVALUATION_RESPONDENTS)[number];

// Indicators that fill themselves from Jalin's own data instead of being answered.
export const COMPUTED_SOURCES = ['obligations_on_time', 'beneficiaries_vs_target', 'plan_exists', 'reports_on_time', 'dissemination_acknowledged'] as const;
export type ComputedSource = (typeof COMPUTED_SOURCES)[number];

export const EVALUATION_BANDS = ['efektif', 'cukup', 'kurang', 'dorman'] as const;
export type EvaluationBand = (typeof EVALUATION_BANDS)[number];

// Scale 0–4: 0 not done / no evidence, 1 kurang, 2 cukup, 3 baik, 4 sangat baik.
export const SCORE_MIN = 0;
export const SCORE_MAX = 4;
// An indicator that needs evidence scores at most this much without verified evidence.
export const SCORE_CAP_WITHOUT_EVIDENCE = 1;

const text = (max: number) => plainText().trim().min(3).max(max);

export const ScaleStepSchema = z.object({ id: text(300), en: text(300) });
export type ScaleStep = z.infer<typeof ScaleStepSchema>;

export const IndicatorInputSchema = z.object({
  code: plainText()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, 'kode: huruf kecil, angka dan garis bawah / lower-case letters, digits, underscores'),
  dimension: z.enum(EVALUATION_DIMENSIONS),
  question: text(500),
  questionEn: text(500),
  // The meaning of each step 0…4, in this order.
  scale: z.array(ScaleStepSchema).length(SCORE_MAX - SCORE_MIN + 1),
  weight: z.number().int().min(1).max(100),
  evidenceRequired: z.boolean(),
  respondents: z.array(z.enum(EVALUATION_RESPONDENTS)).max(EVALUATION_RESPONDENTS.length),
  computedFrom: z.enum(COMPUTED_SOURCES).nullable(),
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

// The share of each element in the overall score, in percent (they add up to 100).
export const DimensionWeightsSchema = z.object({ simbiosis: z.number().int().min(0).max(100), mutualisme: z.number().int().min(0).max(100), implementasi: z.number().int().min(0).max(100) });
export type DimensionWeights = z.infer<typeof DimensionWeightsSchema>;

// The lowest overall score of each band; below `kurang` (or Implementasi below `implementasiFloor`)
// the cooperation is Dorman.
export const BandThresholdsSchema = z.object({
  efektif: z.number().min(SCORE_MIN).max(SCORE_MAX),
  cukup: z.number().min(SCORE_MIN).max(SCORE_MAX),
  kurang: z.number().min(SCORE_MIN).max(SCORE_MAX),
  implementasiFloor: z.number().min(SCORE_MIN).max(SCORE_MAX),
});
export type BandThresholds = z.infer<typeof BandThresholdsSchema>;

// A new revision of the form: the whole set, never a change to an earlier one.
export const EvaluationFormInputSchema = z.object({
  note: text(1000),
  dimensionWeights: DimensionWeightsSchema,
  bands: BandThresholdsSchema,
  indicators: z.array(IndicatorInputSchema).min(3).max(60),
});
export type EvaluationFormInput = z.infer<typeof EvaluationFormInputSchema>;

export type EvaluationIndicator = IndicatorInput & { position: number };

export type EvaluationFormView = {
  revision: number;
  note: string;
  dimensionWeights: DimensionWeights;
  bands: BandThresholds;
  indicators: EvaluationIndicator[];
  createdAt: string;
  createdByName: string | null;
  isCurrent: boolean;
  can: { revise: boolean };
};

export type EvaluationFormSummary = Pick<EvaluationFormView, 'revision' | 'note' | 'createdAt' | 'createdByName' | 'isCurrent'> & { indicatorCount: number };

// One answer to one indicator; evidenceVerified says whether verified evidence stands behind it.
export type IndicatorScore = { code: string; score: number; evidenceVerified: boolean };

export type DimensionScores = Record<EvaluationDimension, number | null>;

export type EvaluationResult = { dimensions: DimensionScores; overall: number | null; band: EvaluationBand | null };

// A monitoring period: semesters by default ("2026-S2" runs July to December).
export const PeriodCodeSchema = plainText().regex(/^\d{4}-S[12]$/, 'periode: TTTT-S1 atau TTTT-S2 / period: YYYY-S1 or YYYY-S2');

export const OpenEvaluationSchema = z.object({ period: PeriodCodeSchema });
export type OpenEvaluationInput = z.infer<typeof OpenEvaluationSchema>;

export const AnswerSchema = z.object({
  code: plainText().trim().min(1).max(50),
  score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
  note: plainText().trim().max(2000).nullable().optional(),
  // The division's final verification says whether verified evidence stands behind the indicator.
  evidenceVerified: z.boolean().optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const SubmitResponseSchema = z.object({ answers: z.array(AnswerSchema).min(1).max(60) });
export type SubmitResponseInput = z.infer<typeof SubmitResponseSchema>;

export const EVALUATION_STATUSES = ['open', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export type EvaluationResponseView = {
  respondent: EvaluationRespondent;
  byName: string | null;
  submittedAt: string;
  answers: Answer[];
  result: EvaluationResult;
};

export type EvaluationView = {
  id: string;
  agreementId: string;
  agreementTitle: string;
  period: string;
  formRevision: number;
  status: EvaluationStatus;
  // For finalising: a stale page cannot close an evaluation someone else already closed.
  version: number;
  openedAt: string;
  finalisedAt: string | null;
  // The evaluation this one was reopened from; the earlier one stays as it was.
  reopenedFrom: string | null;
  responses: EvaluationResponseView[];
  // The division's verified score where it gave one, else the mean of the other answers.
  result: EvaluationResult;
  // How far the partner's view lies from the OPD's, per element (partner − OPD), where both answered.
  partnerGap: DimensionScores | null;
  // Indicators filled from Jalin's data: live while the evaluation is open, frozen at finalisation.
  computed: ComputedIndicatorView[];
  computedFrozenAt: string | null;
  // The partner's private link as the division sees it (never the token); null for other readers.
  partnerLink: PartnerLinkView | null;
  can: { answerAs: EvaluationRespondent | null; finalise: boolean; reopen: boolean; sendPartnerLink: boolean };
};

// A computed indicator's value: its score 0–4, or null when there is nothing to measure yet (not
// counted, shown as "no data"), with the figures it was computed from (`count` of `of`; `of` is null
// where there is no denominator, e.g. the number of activity plans found).
export type ComputedFigures = { count: number; of: number | null };
export type ComputedValue = { code: string; source: ComputedSource; score: number | null; figures: ComputedFigures | null };
export type ComputedIndicatorView = ComputedValue & { question: string; questionEn: string; dimension: EvaluationDimension; weight: number };

export type EvaluationSummary = Pick<EvaluationView, 'id' | 'period' | 'formRevision' | 'status' | 'openedAt' | 'finalisedAt' | 'reopenedFrom' | 'result'> & { respondents: EvaluationRespondent[] };
