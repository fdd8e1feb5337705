import { z } from 'zod';
import { COOPERATION_KINDS, DOC_TYPES, type DocType } from './agreement-codes';
import { AgreementPartnerRefSchema } from './agreements';
import { isoDate, plainText } from './input';
import { MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './limits';

const text = (max: number) => plainText().trim().max(max).nullable().optional();

// The fields of a scan as the person confirmed or corrected them on the review screen.
export const IntakeFieldsSchema = z.object({
  kind: z.enum(DOC_TYPES).nullable().optional(),
  nomorPemda: text(MAX_NUMBER_LENGTH),
  nomorMitra: text(MAX_NUMBER_LENGTH),
  title: text(MAX_TITLE_LENGTH),
  signedOn: isoDate.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  scope: text(MAX_TEXT_LENGTH),
});
export type IntakeFields = z.infer<typeof IntakeFieldsSchema>;

// Accepting a scan. For one without a match, what the scan cannot say: the lead OPD, the sector,
// the partner and the kind of cooperation; the agreement is then created as a draft.
export const AcceptIntakeSchema = z.object({
  fields: IntakeFieldsSchema.optional(),
  leadUnitId: z.uuid().optional(),
  primarySectorCode: plainText().min(1).max(50).optional(),
  partner: AgreementPartnerRefSchema.optional(),
  kind: z.enum(COOPERATION_KINDS).optional(),
});
export type AcceptIntakeInput = z.input<typeof AcceptIntakeSchema>;

// What the reading of a scan proposes (server: modules/intake/extraction), and the review screen shows.
export type ExtractionEvidence = { page: number; text: string; start: number; end: number }; // page 1-based
export type ExtractedParty = { role: `PIHAK ${string}`; name: string; position: string | null; organisation: string | null };
export type ExtractedFieldName = 'kind' | 'nomorPemda' | 'nomorMitra' | 'title' | 'signedOn' | 'startsOn' | 'endsOn' | 'termMonths' | 'scope' | 'parties';

export type ExtractedFields = {
  kind: DocType | null;
  nomorPemda: string | null;
  nomorMitra: string | null;
  title: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  termMonths: number | null;
  scope: string | null;
  parties: ExtractedParty[];
};

export type Extraction = {
  fields: ExtractedFields;
  confidence: Partial<Record<ExtractedFieldName, number>>; // 0..1
  evidence: Partial<Record<ExtractedFieldName, ExtractionEvidence>>;
};

export const INTAKE_FILE_STATES = ['queued', 'reading', 'ready', 'failed', 'accepted', 'rejected'] as const;
export type IntakeFileState = (typeof INTAKE_FILE_STATES)[number];

// A register value the scan disagrees with; accepting never writes over it.
export type IntakeConflictField = 'signedOn' | 'startsOn' | 'endsOn' | 'title' | 'partner';
export type IntakeConflict = { field: IntakeConflictField; register: string; scan: string };

export type IntakeMatchView = { agreementId: string; title: string; numberOurs: string | null };

export type IntakeFileView = {
  id: string;
  fileName: string;
  // The ZIP a file came out of, if any.
  source: string | null;
  state: IntakeFileState;
  // While reading: the page OCR is on.
  page: number | null;
  pageCount: number | null;
  error: string | null;
  fields: ExtractedFields | null;
  confidence: Extraction['confidence'];
  evidence: Extraction['evidence'];
  match: IntakeMatchView | null;
  conflicts: IntakeConflict[];
  // Matched and nothing disagrees: "accept all that agree" takes it.
  agrees: boolean;
  acceptedAgreementId: string | null;
};

export type IntakeBatchView = { id: string; createdAt: string; fileCount: number; files: IntakeFileView[] };
export type IntakeBatchSummary = { id: string; createdAt: string; fileCount: number; states: Partial<Record<IntakeFileState, number>> };

export type AcceptIntakeResult = { fileId: string; agreementId: string; documentId: string; isNew: boolean; filled: string[]; conflictsKept: IntakeConflict[] };
export type AcceptAgreeingResult = { accepted: number; failed: { fileId: string; message: string }[] };

// The register column each text field read from a scan stands for (kind and parties are mapped
// apart: a code and a list). One list for the server that fills empty columns on acceptance, the
// review screen that names them, and the new-agreement form that is prefilled from a scan.
export const SCAN_FIELD_COLUMNS = [
  ['nomorPemda', 'numberOurs'],
  ['nomorMitra', 'numberPartner'],
  ['title', 'title'],
  ['signedOn', 'signedOn'],
  ['startsOn', 'startsOn'],
  ['endsOn', 'endsOn'],
  ['scope', 'scope'],
] as const;
export type ScanTextField = (typeof SCAN_FIELD_COLUMNS)[number][0];
export type ScanFieldColumn = (typeof SCAN_FIELD_COLUMNS)[number][1];

// Below this a proposed field is shown as a guess to check against the page, not a finding.
export const SURE_CONFIDENCE = 0.8;

// The city's own side of an agreement, told from the partner's by its name or its office.
const CITY_SIDE = /kota\s+ternate|wali\s*kota|pemerintah\s+kota|sekretari(?:s|at)\s+daerah/i;

// The partner a scan names: the party that is not the city (PIHAK KEDUA as a rule, but the city
// signs second in some agreements), its organisation or, for a person, the name.
export function partnerFromParties(parties: readonly ExtractedParty[]): string | null {
  const partner = parties.find((party) => !CITY_SIDE.test(`${party.organisation ?? ''} ${party.name} ${party.position ?? ''}`));
  const label = partner ? (partner.organisation ?? partner.name).trim() : '';
  return label.length >= 2 ? label : null;
}
