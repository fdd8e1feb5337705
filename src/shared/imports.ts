import { z } from 'zod';
import { plainText } from './input';
import type { CooperationKind, DocType, KsddMode } from './agreement-codes';

// Import of an existing register (CSV or XLSX). Columns are found by header name, in any order.
// Every column once, in the order the template and the export write them, with whether each row
// must fill it (nomor_pemda may also stay empty where the id column names the agreement).
const COLUMN_IS_REQUIRED = {
  nomor_pemda: true,
  nomor_mitra: false,
  judul: true,
  jenis_dokumen: true,
  jenis_kerja_sama: true,
  mitra: true,
  kategori_mitra: true,
  bidang: true,
  opd: true,
  tanggal_ttd: false,
  tanggal_mulai: false,
  tanggal_berakhir: false,
  ruang_lingkup: false,
  induk: false,
  nilai: false,
} as const;
export const IMPORT_COLUMNS = Object.keys(COLUMN_IS_REQUIRED) as readonly (keyof typeof COLUMN_IS_REQUIRED)[];
// Optional extras: the KSDD sub-kind (default sukarela), the reason for a term above the maximum, and
// Jalin's own id of the agreement (written by the export), which identifies an agreement without a number.
export const IMPORT_EXTRA_COLUMNS = ['jenis_ksdd', 'alasan_jangka_panjang', 'id'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_EXTRA_COLUMNS)[number];

export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.filter((column) => COLUMN_IS_REQUIRED[column]);

// Cells holding several values (partners, categories, sectors, OPDs) separate them with this; the first is primary.
export const IMPORT_LIST_SEPARATOR = ';';
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const IMPORT_SAMPLE_SIZE = 20;

// Row numbers are those of the spreadsheet: the header is row 1. File-level issues use row 0.
export type ImportIssue = { row: number; column: string; message: string };

export type ImportAction = 'create' | 'update' | 'unchanged';

// One row as understood by Jalin, before partners and OPDs are matched to registry rows.
export type ImportRow = {
  row: number;
  // Jalin's id from an export; the agreement is matched by it first, then by number.
  id: string | null;
  numberOurs: string | null;
  numberPartner: string | null;
  title: string;
  docType: DocType;
  kind: CooperationKind;
  ksddMode: KsddMode | null;
  partners: { name: string; categoryCode: string }[];
  sectorCodes: string[];
  unitNames: string[];
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  scope: string | null;
  parentNumber: string | null;
  valueIdr: string | null;
  longTermReason: string | null;
};

// The agreement fields a register row holds as they are, each with its column: the one mapping by
// which the import reads, compares and writes an agreement and the export writes it. In this order an
// import's audit entry lists what changed.
export const REGISTER_FIELD_COLUMNS = {
  numberOurs: 'nomor_pemda',
  docType: 'jenis_dokumen',
  kind: 'jenis_kerja_sama',
  ksddMode: 'jenis_ksdd',
  title: 'judul',
  numberPartner: 'nomor_mitra',
  signedOn: 'tanggal_ttd',
  startsOn: 'tanggal_mulai',
  endsOn: 'tanggal_berakhir',
  scope: 'ruang_lingkup',
  valueIdr: 'nilai',
  longTermReason: 'alasan_jangka_panjang',
} as const satisfies Partial<Record<keyof ImportRow, ImportColumn>>;
export type RegisterField = keyof typeof REGISTER_FIELD_COLUMNS;
export const REGISTER_FIELDS = Object.keys(REGISTER_FIELD_COLUMNS) as readonly RegisterField[];

// The register fields of a row, an input or a stored agreement, in the order above.
export function registerFieldsOf<T extends Record<RegisterField, unknown>>(source: T): Pick<T, RegisterField> {
  return Object.fromEntries(REGISTER_FIELDS.map((field) => [field, source[field]])) as Pick<T, RegisterField>;
}

export type ImportSampleRow = ImportRow & { action: ImportAction };

export type ImportPreview = {
  id: string;
  fileName: string;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  issues: ImportIssue[];
  // Header names that are not import columns; they are ignored.
  ignoredColumns: string[];
  sample: ImportSampleRow[];
  // The OPDs and partners the import would create, each with the existing ones its name resembles:
  // at most IMPORT_SUGGESTION_MAX_NAMES of each, those used in the most rows first.
  newUnits: ImportNewName[];
  newPartners: ImportNewName[];
  // The further new names the import would create, neither listed nor compared with existing ones.
  otherNewNames: { units: number; partners: number };
  // Set when the database is the embedded one and the register would hold more agreements after
  // this import than it serves within the register's targets (JALIN_EMBEDDED_AGREEMENT_LIMIT):
  // the import may still be confirmed; the admin is told to move to PostgreSQL.
  registerSize: ImportRegisterSize | null;
};

export type ImportRegisterSize = { after: number; limit: number };

// A name in the file that the registry does not know (key: unitKey for an OPD, normalizePartnerName
// for a partner), with the rows that use it and the closest existing rows, most alike first.
export type ImportNameCandidate = { id: string; name: string; similarity: number };
export type ImportNewName = { key: string; name: string; rows: number[]; candidates: ImportNameCandidate[] };

// Below this trigram similarity of normalised names an existing row is not offered as the same one.
export const IMPORT_SUGGESTION_SIMILARITY = 0.3;
export const IMPORT_SUGGESTION_LIMIT = 5;
// How many new names of each kind one preview compares with the registry. A file that adds
// thousands of partners (a whole old register) is not reviewed name by name, and comparing each
// costs a search of every partner; duplicates made that way are merged afterwards (Mitra → Kemungkinan duplikat; Data master → OPD).
export const IMPORT_SUGGESTION_MAX_NAMES = 100;

// What the admin decided for each new name at confirmation: use this existing OPD / partner.
// A name left out is created as new.
const nameChoice = z.object({ key: plainText().min(1).max(1000), id: z.uuid() });
export const ImportChoicesSchema = z.object({
  units: z.array(nameChoice).max(MAX_IMPORT_ROWS).default([]),
  partners: z.array(nameChoice).max(MAX_IMPORT_ROWS).default([]),
});
export type ImportChoices = z.output<typeof ImportChoicesSchema>;

export const IMPORT_RUN_STATUSES = ['preview', 'running', 'done', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

export type ImportRunView = {
  id: string;
  fileName: string;
  status: ImportRunStatus;
  totalRows: number;
  doneRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  issues: ImportIssue[];
  createdAt: string;
  finishedAt: string | null;
};

// From this letter similarity (pg_trgm, 0–1) between a new name in an import and a registered one,
// the admin must choose "use the existing one" or "create new" before confirming: a missing comma
// or a typo is likelier than a new OPD or partner.
export const NAME_CHOICE_SIMILARITY = 0.6;
