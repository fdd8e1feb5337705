import type { BeneficiaryGroup, Completion, CreateReportInput, FundEntry, ReportView, UpdateReportInput } from '../../../../shared/realisation';
import type { BudgetSource } from '../../../../shared/plans';
import { formatRupiah, rupiahDigits } from '../../../lib/format';

// What the report form holds: text as typed ('' for nothing), a count as its number input gives it,
// an amount with its dots. The body the API takes is made from it on submit (decision 0013), and
// lists keep their order, so a message the schema or the server gives for `beneficiaries.1.count`
// lands under the second row.

export type BeneficiaryDraft = { group: BeneficiaryGroup; count: number | ''; place: string };
export type FundDraft = { source: BudgetSource; realised: string };

export type ReportDraft = {
  summary: string;
  startedOn: string;
  endedOn: string;
  location: string;
  outputs: string;
  beneficiaries: BeneficiaryDraft[];
  funds: FundDraft[];
  completion: Completion;
  obstaclesInternal: string;
  obstaclesExternal: string;
  followUp: string;
};

type ReportFields = Omit<CreateReportInput, 'period'>;

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

// A new report starts with the plan's own source of funds, the line most reports fill.
export function emptyDraft(plannedSource: BudgetSource): ReportDraft {
  return {
    summary: '',
    startedOn: '',
    endedOn: '',
    location: '',
    outputs: '',
    beneficiaries: [],
    funds: [{ source: plannedSource, realised: '' }],
    completion: 'not_started',
    obstaclesInternal: '',
    obstaclesExternal: '',
    followUp: '',
  };
}

export function draftOf(report: ReportView): ReportDraft {
  return {
    summary: report.summary,
    startedOn: report.startedOn ?? '',
    endedOn: report.endedOn ?? '',
    location: report.location ?? '',
    outputs: report.outputs ?? '',
    beneficiaries: report.beneficiaries.map((entry) => ({ group: entry.group, count: entry.count, place: entry.place ?? '' })),
    // Shown with dots as a person writes it ('42.000.000'); sent back as digits.
    funds: report.funds.map((entry) => ({ source: entry.source, realised: formatRupiah(entry.realised).replace(/^Rp /, '') })),
    completion: report.completion,
    obstaclesInternal: report.obstaclesInternal ?? '',
    obstaclesExternal: report.obstaclesExternal ?? '',
    followUp: report.followUp ?? '',
  };
}

function fieldsOf(draft: ReportDraft): ReportFields {
  return {
    summary: draft.summary.trim(),
    startedOn: orNull(draft.startedOn),
    endedOn: orNull(draft.endedOn),
    location: orNull(draft.location),
    outputs: orNull(draft.outputs),
    // An empty count is not a number, so the schema names the row's count as missing (it is
    // never sent: the form stops on the message).
    beneficiaries: draft.beneficiaries.map((entry) => ({ group: entry.group, count: entry.count === '' ? Number.NaN : entry.count, place: orNull(entry.place) })),
    funds: draft.funds.map((entry): FundEntry => ({ source: entry.source, realised: rupiahDigits(entry.realised) })),
    completion: draft.completion,
    obstaclesInternal: orNull(draft.obstaclesInternal),
    obstaclesExternal: orNull(draft.obstaclesExternal),
    followUp: orNull(draft.followUp),
  };
}

export function createBodyOf(draft: ReportDraft, period: string): CreateReportInput {
  return { ...fieldsOf(draft), period };
}

export function updateBodyOf(draft: ReportDraft, version: number): UpdateReportInput {
  return { ...fieldsOf(draft), version };
}

// The realised total against the plan's amount, in whole rupiah (BigInt: amounts are digit strings).
export function realisedTotal(funds: { realised: string }[]): string {
  return funds.reduce((sum, entry) => (/^\d+$/.test(rupiahDigits(entry.realised)) ? sum + BigInt(rupiahDigits(entry.realised)) : sum), 0n).toString();
}
