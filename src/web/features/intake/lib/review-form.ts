import type { CooperationKind, DocType } from '../../../../shared/agreement-codes';
import { partnerFromParties, SCAN_FIELD_COLUMNS, SURE_CONFIDENCE, type AcceptIntakeInput, type IntakeFields, type IntakeFileView } from '../../../../shared/intake';

// The fields a person checks and may correct before a scan is accepted, in the order shown.
export const REVIEW_FIELDS = ['kind', 'nomorPemda', 'nomorMitra', 'title', 'signedOn', 'startsOn', 'endsOn', 'scope'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];
export const DATE_FIELDS: readonly ReviewField[] = ['signedOn', 'startsOn', 'endsOn'];

// What a scan cannot say and a new draft needs.
export const DRAFT_INPUTS = ['leadUnitId', 'primarySectorCode', 'partnerName', 'partnerCategoryCode', 'cooperationKind'] as const;
export type DraftInput = (typeof DRAFT_INPUTS)[number];

// partnerId: a partner picked from the register ('' while the name is a new one).
export type ReviewValues = Record<Exclude<ReviewField, 'kind'>, string> & { kind: DocType | '' } & Record<Exclude<DraftInput, 'cooperationKind'>, string> & {
    cooperationKind: CooperationKind | '';
    partnerId: string;
  };

export function isUnsure(confidence: number | undefined): boolean {
  return confidence === undefined || confidence < SURE_CONFIDENCE;
}

export function confidencePercent(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100);
}

export function initialReviewValues(file: Pick<IntakeFileView, 'fields'>): ReviewValues {
  const fields = file.fields;
  return {
    kind: fields?.kind ?? '',
    nomorPemda: fields?.nomorPemda ?? '',
    nomorMitra: fields?.nomorMitra ?? '',
    title: fields?.title ?? '',
    signedOn: fields?.signedOn ?? '',
    startsOn: fields?.startsOn ?? '',
    endsOn: fields?.endsOn ?? '',
    scope: fields?.scope ?? '',
    leadUnitId: '',
    primarySectorCode: '',
    partnerName: partnerFromParties(fields?.parties ?? []) ?? '',
    partnerCategoryCode: '',
    cooperationKind: '',
    partnerId: '',
  };
}

// The new-draft inputs still empty; a matched scan needs none of them, and a partner picked from
// the register brings its own category.
export function missingDraftInputs(values: ReviewValues, hasMatch: boolean): DraftInput[] {
  if (hasMatch) return [];
  return DRAFT_INPUTS.filter((input) => values[input].trim() === '' && !(input === 'partnerCategoryCode' && values.partnerId));
}

function partnerRef(values: ReviewValues): AcceptIntakeInput['partner'] {
  if (values.partnerId) return { id: values.partnerId };
  const name = values.partnerName.trim();
  return name && values.partnerCategoryCode ? { name, categoryCode: values.partnerCategoryCode } : undefined;
}

function reviewedFields(values: ReviewValues): IntakeFields {
  const text = (value: string) => {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  };
  return {
    kind: values.kind === '' ? null : values.kind,
    nomorPemda: text(values.nomorPemda),
    nomorMitra: text(values.nomorMitra),
    title: text(values.title),
    signedOn: text(values.signedOn),
    startsOn: text(values.startsOn),
    endsOn: text(values.endsOn),
    scope: text(values.scope),
  };
}

// The body of "Terima": every field as the person left it; the draft inputs only for a scan
// without a match (the server attaches a matched one and would ignore them).
export function acceptInput(values: ReviewValues, hasMatch: boolean): AcceptIntakeInput {
  const fields = reviewedFields(values);
  if (hasMatch) return { fields };
  const partner = partnerRef(values);
  return {
    fields,
    ...(values.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
    ...(values.primarySectorCode ? { primarySectorCode: values.primarySectorCode } : {}),
    ...(partner ? { partner } : {}),
    ...(values.cooperationKind ? { kind: values.cooperationKind } : {}),
  };
}

const SERVER_FIELDS: Record<string, keyof ReviewValues> = { leadUnitId: 'leadUnitId', primarySectorCode: 'primarySectorCode', partner: 'partnerName', kind: 'cooperationKind' };

// The server names the body's field ("fields.title", "partner.name"); the form shows it under its input.
export function reviewInputOf(serverField: string): keyof ReviewValues | null {
  const [head, rest] = serverField.split(/\.(.*)/s);
  if (head === 'fields' && rest && (REVIEW_FIELDS as readonly string[]).includes(rest)) return rest as ReviewField;
  // The draft's partner is its first: the agreements service names it "partners.0.…".
  if ((head === 'partner' || head === 'partners') && rest?.endsWith('categoryCode')) return 'partnerCategoryCode';
  if (head === 'partners') return 'partnerName';
  return head ? (SERVER_FIELDS[head] ?? null) : null;
}


// Accepting a matched scan fills the register's empty fields; the answer names them as the
// register does ("numberPartner"), the screen as the review does ("nomorMitra").
export function reviewFieldOfColumn(column: string): ReviewField | null {
  return SCAN_FIELD_COLUMNS.find(([, registerColumn]) => registerColumn === column)?.[0] ?? null;
}
