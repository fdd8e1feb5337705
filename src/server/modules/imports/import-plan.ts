import { checkAgreementDates } from '../../../shared/agreements';
import type { ImportAction, ImportColumn, ImportIssue, ImportRow } from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import type { AuditChange } from '../audit/audit.table';
import { unitKey } from './import-cells';
import type { ExistingAgreement, ImportRegistry } from './import-registry';

// What the import will do with each valid row. An agreement is identified by nomor_pemda:
// new → created; existing and identical → left alone; existing and different → updated.
export type PlanItem = { row: ImportRow; action: ImportAction; existing: ExistingAgreement | null; changes: AuditChange[] };
export type ImportPlan = { items: PlanItem[]; issues: ImportIssue[] };

type Comparable = Record<string, string | string[] | null>;

// A column left out of the file leaves the registry's value as it is.
const OPTIONAL_FIELDS: [ImportColumn, keyof ImportRow & keyof ExistingAgreement][] = [
  ['nomor_mitra', 'numberPartner'],
  ['tanggal_ttd', 'signedOn'],
  ['tanggal_mulai', 'startsOn'],
  ['tanggal_berakhir', 'endsOn'],
  ['ruang_lingkup', 'scope'],
  ['induk', 'parentNumber'],
  ['nilai', 'valueIdr'],
  ['alasan_jangka_panjang', 'longTermReason'],
];

function mergeAbsentColumns(row: ImportRow, existing: ExistingAgreement, columns: Set<ImportColumn>): ImportRow {
  const merged: ImportRow = { ...row };
  for (const [column, field] of OPTIONAL_FIELDS) {
    if (!columns.has(column)) (merged as Record<string, unknown>)[field] = existing[field];
  }
  if (!columns.has('jenis_ksdd') && row.kind === 'KSDD' && existing.kind === 'KSDD') merged.ksddMode = existing.ksddMode as ImportRow['ksddMode'];
  return merged;
}

function sortedTail(list: string[]): string[] {
  const [head, ...tail] = list;
  return head === undefined ? [] : [head, ...tail.sort()];
}

function comparableOfRow(row: ImportRow): Comparable {
  return {
    docType: row.docType,
    kind: row.kind,
    ksddMode: row.ksddMode,
    title: row.title,
    numberPartner: row.numberPartner,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    scope: row.scope,
    valueIdr: row.valueIdr,
    longTermReason: row.longTermReason,
    parent: row.parentNumber,
    partners: row.partners.map((partner) => partner.name),
    units: sortedTail(row.unitNames),
    sectors: sortedTail(row.sectorCodes),
  };
}

function comparableOfExisting(existing: ExistingAgreement, registry: ImportRegistry): Comparable {
  const unitName = (id: string) => registry.unitNameById.get(id) ?? id;
  return {
    docType: existing.docType,
    kind: existing.kind,
    ksddMode: existing.ksddMode,
    title: existing.title,
    numberPartner: existing.numberPartner,
    signedOn: existing.signedOn,
    startsOn: existing.startsOn,
    endsOn: existing.endsOn,
    scope: existing.scope,
    valueIdr: existing.valueIdr,
    longTermReason: existing.longTermReason,
    parent: existing.parentNumber,
    partners: existing.partnerNames,
    units: [...(existing.leadUnitId ? [unitName(existing.leadUnitId)] : []), ...existing.supportingUnitIds.map(unitName).sort()],
    sectors: [existing.primarySectorCode, ...existing.otherSectorCodes],
  };
}

// Partners compare by normalised name and OPDs whatever their capitals, so spelling alone is no change.
function sameValue(field: string, before: Comparable[string], after: Comparable[string]): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    const key = field === 'partners' ? normalizePartnerName : field === 'units' ? unitKey : (value: string) => value;
    return before.length === after.length && before.every((value, index) => key(value) === key(after[index] ?? ''));
  }
  return before === after;
}

export function diffComparable(before: Comparable, after: Comparable): AuditChange[] {
  return Object.keys(after)
    .filter((field) => !sameValue(field, before[field] ?? null, after[field] ?? null))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}

function createdChanges(row: ImportRow): AuditChange[] {
  return Object.entries(comparableOfRow(row))
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([field, value]) => ({ field, old: null, new: value }));
}

function planRow(row: ImportRow, registry: ImportRegistry, columns: Set<ImportColumn>, issues: ImportIssue[]): PlanItem {
  const existing = registry.agreementByNumber.get(row.numberOurs) ?? null;
  if (!existing) return { row, action: 'create', existing, changes: createdChanges(row) };
  const merged = mergeAbsentColumns(row, existing, columns);
  // Dates from the file combined with dates kept from the registry must still be in order.
  checkAgreementDates(merged, () => issues.push({ row: row.row, column: 'tanggal_mulai', message: 'tanggal berakhir di register mendahului tanggal mulai ini / the registered end date precedes this start date' }));
  const changes = diffComparable(comparableOfExisting(existing, registry), comparableOfRow(merged));
  return { row: merged, action: changes.length > 0 ? 'update' : 'unchanged', existing, changes };
}

export function planImport(rows: ImportRow[], registry: ImportRegistry, columns: Set<ImportColumn>): ImportPlan {
  const issues: ImportIssue[] = [];
  const items = rows.map((row) => planRow(row, registry, columns, issues));
  return { items, issues };
}
