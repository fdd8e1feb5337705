import type { z } from 'zod';
import { termExceedsYears } from '../../../shared/agreement-status';
import { COOPERATION_KINDS, DOC_TYPES, KSDD_MODES, type CooperationKind, type DocType, type KsddMode } from '../../../shared/agreement-codes';
import { CreateAgreementSchema, type CreateAgreementInput } from '../../../shared/agreements';
import { REGISTER_FIELD_COLUMNS, REQUIRED_IMPORT_COLUMNS, registerFieldsOf, type ImportColumn, type ImportIssue, type ImportRow } from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import { unitKey } from '../../../shared/unit-name';
import { isUuid, parseDateCell, parseRupiahCell, splitList, textOrNull, type CellResult } from './import-cells.rules';
import type { RawRow, RawTable } from './imports.sheet';
import { checkAcrossRows } from './import-cross-checks.rules';
import type { ImportRegistry } from './import-registry.service';

// Row-by-row validation with the same shared rules as the API (CreateAgreementSchema,
// checkAgreementDates, the maximum term setting), reporting every problem with its row and column.

type Report = (column: ImportColumn, message: string) => void;

// OPDs are matched to registry rows only when written; validation needs a syntactically valid id.
const PLACEHOLDER_UNIT_ID = '00000000-0000-4000-8000-000000000000';

// The column an issue of the agreement schema is reported under.
const FIELD_COLUMNS: Record<string, ImportColumn> = {
  ...REGISTER_FIELD_COLUMNS,
  partners: 'mitra',
  primarySectorCode: 'bidang',
  otherSectorCodes: 'bidang',
  leadUnitId: 'opd',
  supportingUnitIds: 'opd',
};

function columnOfIssue(path: PropertyKey[]): ImportColumn {
  const [field, , sub] = path.map(String);
  if (field === 'partners' && sub === 'categoryCode') return 'kategori_mitra';
  return FIELD_COLUMNS[field ?? ''] ?? 'judul';
}

function messageOfIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return `terlalu pendek, paling sedikit ${String(issue.minimum)} karakter / too short`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `terlalu panjang, paling banyak ${String(issue.maximum)} karakter / too long`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `terlalu banyak nilai, paling banyak ${String(issue.maximum)} / too many values`;
  return issue.message;
}

function readCell<T>(result: CellResult<T>, column: ImportColumn, report: Report): T | null {
  if ('problem' in result) {
    report(column, result.problem);
    return null;
  }
  return result.value;
}

function readCode<T extends string>(text: string, allowed: readonly T[], column: ImportColumn, report: Report): T | null {
  if (text === '') return null;
  const value = allowed.find((code) => code.toLowerCase() === text.toLowerCase());
  if (!value) report(column, `"${text}" tidak dikenal; pilih ${allowed.join(', ')} / unknown value`);
  return value ?? null;
}

function readKsddMode(row: RawRow, kind: CooperationKind | null, report: Report): KsddMode | null {
  const text = row.cells.jenis_ksdd ?? '';
  if (kind !== 'KSDD') {
    if (text !== '') report('jenis_ksdd', 'hanya diisi untuk KSDD / only for KSDD');
    return null;
  }
  // PP 28/2018: KSDD is wajib only for bordering regions; the register rarely says, so sukarela.
  return text === '' ? 'sukarela' : readCode(text, KSDD_MODES, 'jenis_ksdd', report);
}

function readPartners(row: RawRow, registry: ImportRegistry, report: Report): ImportRow['partners'] {
  const names = splitList(row.cells.mitra ?? '');
  const categories = splitList(row.cells.kategori_mitra ?? '').map((code) => code.toLowerCase());
  if (names.length !== categories.length) {
    report('kategori_mitra', `${categories.length} kategori untuk ${names.length} mitra: tulis satu kategori per mitra, dipisah ";" / one category per partner`);
  }
  for (const code of new Set(categories)) {
    if (!registry.categoryCodes.has(code)) report('kategori_mitra', `kategori mitra "${code}" tidak dikenal / unknown partner category`);
  }
  const keys = names.map(normalizePartnerName);
  // Two names the admin mapped to one existing partner are that partner twice.
  const identities = keys.map((key) => registry.partnerByKey.get(key)?.id ?? key);
  if (new Set(identities).size !== identities.length) report('mitra', 'mitra yang sama disebut dua kali / the same partner appears twice');
  return names.map((name, index) => ({
    name: registry.partnerByKey.get(keys[index] ?? '')?.name ?? name,
    categoryCode: categories[index] ?? '',
  }));
}

function readSectors(row: RawRow, registry: ImportRegistry, report: Report): string[] {
  const codes: string[] = [];
  for (const label of splitList(row.cells.bidang ?? '')) {
    const code = registry.sectorByLabel.get(label.toLowerCase());
    if (!code) report('bidang', `bidang "${label}" tidak dikenal / unknown sector`);
    else if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

function readUnits(row: RawRow, registry: ImportRegistry): string[] {
  const byKey = new Map<string, string>();
  for (const name of splitList(row.cells.opd ?? '')) {
    const key = unitKey(name);
    const known = registry.unitByKey.get(key);
    const canonical = known ? unitKey(known.name) : key;
    // Unknown OPDs are created when the import is written.
    if (!byKey.has(canonical)) byKey.set(canonical, known?.name ?? name);
  }
  return [...byKey.values()];
}

function readRow(row: RawRow, registry: ImportRegistry, report: Report): ImportRow {
  const cell = (column: ImportColumn) => row.cells[column] ?? '';
  const docType = readCode(cell('jenis_dokumen'), DOC_TYPES, 'jenis_dokumen', report);
  const kind = readCode(cell('jenis_kerja_sama'), COOPERATION_KINDS, 'jenis_kerja_sama', report);
  const id = cell('id');
  if (id !== '' && !isUuid(id)) report('id', `"${id}" bukan id Jalin; kosongkan untuk naskah baru / not a Jalin id, leave empty for a new agreement`);
  return {
    row: row.row,
    id: isUuid(id) ? id.toLowerCase() : null,
    numberOurs: textOrNull(row.cells.nomor_pemda),
    numberPartner: textOrNull(row.cells.nomor_mitra),
    title: cell('judul'),
    // Null only when reported: the row is then dropped, never written.
    docType: docType as DocType,
    kind: kind as CooperationKind,
    ksddMode: readKsddMode(row, kind, report),
    partners: readPartners(row, registry, report),
    sectorCodes: readSectors(row, registry, report),
    unitNames: readUnits(row, registry),
    signedOn: readCell(parseDateCell(cell('tanggal_ttd')), 'tanggal_ttd', report),
    startsOn: readCell(parseDateCell(cell('tanggal_mulai')), 'tanggal_mulai', report),
    endsOn: readCell(parseDateCell(cell('tanggal_berakhir')), 'tanggal_berakhir', report),
    scope: textOrNull(row.cells.ruang_lingkup),
    parentNumber: textOrNull(row.cells.induk),
    valueIdr: readCell(parseRupiahCell(cell('nilai')), 'nilai', report),
    longTermReason: textOrNull(row.cells.alasan_jangka_panjang),
  };
}

function asAgreementInput(row: ImportRow): CreateAgreementInput {
  const [primarySectorCode = '', ...otherSectorCodes] = row.sectorCodes;
  return { ...registerFieldsOf(row), partners: row.partners, leadUnitId: PLACEHOLDER_UNIT_ID, primarySectorCode, otherSectorCodes };
}

function requireCells(row: RawRow, report: Report) {
  // An agreement registered without a number comes back from an export with its id instead.
  if ((row.cells.nomor_pemda ?? '') === '' && (row.cells.id ?? '') === '') report('nomor_pemda', 'wajib diisi bila kolom id kosong / required when id is empty');
  for (const column of REQUIRED_IMPORT_COLUMNS) {
    if (column !== 'nomor_pemda' && (row.cells[column] ?? '') === '') report(column, 'wajib diisi / required');
  }
}

// One row on its own: cells, then the shared agreement schema, then the maximum term. The row is
// returned even when invalid, so that rules across rows (parents) still report on it.
export function validateRow(raw: RawRow, input: { registry: ImportRegistry; issues: ImportIssue[] }): { row: ImportRow; isValid: boolean } {
  const { registry, issues } = input;
  const before = issues.length;
  const reported = new Set<ImportColumn>();
  const report: Report = (column, message) => {
    reported.add(column);
    issues.push({ row: raw.row, column, message });
  };
  requireCells(raw, report);
  const row = readRow(raw, registry, report);
  const parsed = CreateAgreementSchema.safeParse(asAgreementInput(row));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const column = columnOfIssue(issue.path);
    if (!reported.has(column)) report(column, messageOfIssue(issue));
  }
  const isTooLong = row.startsOn && row.endsOn && row.endsOn >= row.startsOn && termExceedsYears(row.startsOn, row.endsOn, registry.maxTermYears);
  if (isTooLong && !row.longTermReason) {
    report('tanggal_berakhir', `jangka waktu lebih dari ${registry.maxTermYears} tahun: isi kolom alasan_jangka_panjang / a term over ${registry.maxTermYears} years needs a reason`);
  }
  return { row, isValid: issues.length === before };
}

// rows: the valid rows; parsed: every row as far as it could be read.
export type ValidatedTable = { rows: ImportRow[]; parsed: ImportRow[]; issues: ImportIssue[] };

// Every row is checked, so that one upload reports every problem; issues come in row order.
export function validateTable(table: RawTable, registry: ImportRegistry): ValidatedTable {
  const issues: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const parsed: ImportRow[] = [];
  for (const raw of table.rows) {
    const { row, isValid } = validateRow(raw, { registry, issues });
    parsed.push(row);
    if (isValid) rows.push(row);
  }
  issues.push(...checkAcrossRows(table.rows, registry));
  const badRows = new Set(issues.map((issue) => issue.row));
  issues.sort((a, b) => a.row - b.row);
  return { rows: rows.filter((row) => !badRows.has(row.row)), parsed, issues };
}
