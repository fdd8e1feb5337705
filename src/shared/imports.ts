import type { CooperationKind, DocType, KsddMode } from './agreement-codes';

// Import of an existing register (CSV or XLSX). Columns are found by header name, in any order.
export const IMPORT_COLUMNS = [
  'nomor_pemda',
  'nomor_mitra',
  'judul',
  'jenis_dokumen',
  'jenis_kerja_sama',
  'mitra',
  'kategori_mitra',
  'bidang',
  'opd',
  'tanggal_ttd',
  'tanggal_mulai',
  'tanggal_berakhir',
  'ruang_lingkup',
  'induk',
  'nilai',
] as const;
// Optional extras: the KSDD sub-kind (default sukarela), the reason for a term above the maximum, and
// Jalin's own id of the agreement (written by the export), which identifies an agreement without a number.
export const IMPORT_EXTRA_COLUMNS = ['jenis_ksdd', 'alasan_jangka_panjang', 'id'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_EXTRA_COLUMNS)[number];

export const REQUIRED_IMPORT_COLUMNS = [
  'nomor_pemda',
  'judul',
  'jenis_dokumen',
  'jenis_kerja_sama',
  'mitra',
  'kategori_mitra',
  'bidang',
  'opd',
] as const satisfies readonly ImportColumn[];

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
};

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
