import { randomUUID } from 'node:crypto';
import { agreementNumberKey, isSameAgreementNumber } from '../../../shared/agreement-number';
import { checkAgreementDates, type AuditEntryView } from '../../../shared/agreements';
import {
  REGISTER_FIELD_COLUMNS,
  REGISTER_FIELDS,
  REQUIRED_IMPORT_COLUMNS,
  registerFieldsOf,
  type ImportAction,
  type ImportColumn,
  type ImportIssue,
  type ImportRow,
} from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import { unitKey } from '../../../shared/unit-name';
import type { ValidatedTable } from './import-validate.rules';
import { resolveParents, type Node, type RowTarget } from './import-parents.rules';
import type { ExistingAgreement, ImportRegistry } from './import-registry.service';

// What the import will do with each valid row. An agreement is identified by its id (the export's
// id column) or else by nomor_pemda compared by its key (agreementNumberKey): new → created;
// existing and identical → left alone; existing and different → updated. Ids are chosen here (the
// file's id when it gives one), so a row can name a parent created from any other row.
export type PlanItem = { row: ImportRow; action: ImportAction; existing: ExistingAgreement | null; changes: AuditChange[]; id: string; parentId: string | null };
export type ImportPlan = { items: PlanItem[]; issues: ImportIssue[] };
type AuditChange = AuditEntryView['changes'][number];

type Comparable = Record<string, string | string[] | null>;

// A column the file may leave out leaves the registry's value as it is; jenis_ksdd is kept only while
// the agreement stays KSDD (below).
const KEPT_WHEN_ABSENT = REGISTER_FIELDS.filter((field) => field !== 'ksddMode' && !REQUIRED_IMPORT_COLUMNS.includes(REGISTER_FIELD_COLUMNS[field]));

function mergeAbsentColumns(row: ImportRow, existing: ExistingAgreement, columns: Set<ImportColumn>): ImportRow {
  const merged: ImportRow = { ...row };
  for (const field of KEPT_WHEN_ABSENT) {
    if (!columns.has(REGISTER_FIELD_COLUMNS[field])) (merged as Record<string, unknown>)[field] = existing[field];
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
    ...registerFieldsOf(row),
    parent: row.parentNumber,
    partners: row.partners.map((partner) => partner.name),
    units: sortedTail(row.unitNames),
    sectors: sortedTail(row.sectorCodes),
  };
}

function comparableOfExisting(existing: ExistingAgreement, registry: ImportRegistry): Comparable {
  const unitName = (id: string) => registry.unitNameById.get(id) ?? id;
  return {
    ...registerFieldsOf(existing),
    parent: existing.parentNumber ?? existing.parentId,
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

// The parent compares by id (parentMoved); its number or id is only what the audit trail shows.
export function diffComparable(before: Comparable, input: { after: Comparable; parentMoved?: boolean }): AuditChange[] {
  const { after, parentMoved = false } = input;
  return Object.keys(after)
    .filter((field) => (field === 'parent' ? parentMoved : !sameValue(field, before[field] ?? null, after[field] ?? null)))
    .map((field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }));
}

function createdChanges(row: ImportRow): AuditChange[] {
  return Object.entries(comparableOfRow(row))
    .filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0))
    .map(([field, value]) => ({ field, old: null, new: value }));
}

type Target = RowTarget & { parentLabel?: string | null };

function planRow(target: Target, parent: Node | null, registry: ImportRegistry, columns: Set<ImportColumn>, issues: ImportIssue[]): PlanItem {
  const { existing } = target;
  // Shown in the audit trail as the register shows it: the parent's number, or its id without one.
  const row = { ...target.row, parentNumber: parent ? (parent.numberOurs ?? parent.id) : null };
  const parentId = parent?.id ?? null;
  if (!existing) return { row, action: 'create', existing, changes: createdChanges(row), id: target.id, parentId };
  const merged = mergeAbsentColumns(row, existing, columns);
  // The same number however it is typed stays as registered: "var-1/a" does not rename "VAR-1/A".
  if (isSameAgreementNumber(merged.numberOurs, existing.numberOurs)) merged.numberOurs = existing.numberOurs;
  // Dates from the file combined with dates kept from the registry must still be in order.
  checkAgreementDates(merged, () => issues.push({ row: row.row, column: 'tanggal_mulai', message: 'tanggal berakhir di register mendahului tanggal mulai ini / the registered end date precedes this start date' }));
  const changes = diffComparable(comparableOfExisting(existing, registry), { after: comparableOfRow(merged), parentMoved: parentId !== existing.parentId });
  return { row: merged, action: changes.length > 0 ? 'update' : 'unchanged', existing, changes, id: target.id, parentId };
}

// By id first; a number held by another agreement than the id names is refused, never reassigned.
function matchRow(row: ImportRow, registry: ImportRegistry, issues: ImportIssue[]): { existing: ExistingAgreement | null } | null {
  const byId = row.id ? registry.agreementById.get(row.id) : undefined;
  const key = agreementNumberKey(row.numberOurs);
  const byKey = key ? registry.agreementByKey.get(key) : undefined;
  if (byId && byKey && byId.id !== byKey.id) {
    issues.push({ row: row.row, column: 'nomor_pemda', message: `nomor "${row.numberOurs ?? ''}" sudah dipakai naskah lain (${byKey.numberOurs ?? byKey.id}) / the number belongs to another agreement` });
    return null;
  }
  return { existing: byId ?? byKey ?? null };
}

// Parents are resolved over every row read (an invalid row's parent is still reported); only the
// valid rows are planned.
export function planImport(validated: ValidatedTable, input: { registry: ImportRegistry; columns: Set<ImportColumn> }): ImportPlan {
  const { registry, columns } = input;
  const issues: ImportIssue[] = [];
  const valid = new Set(validated.rows);
  const targets: Target[] = validated.parsed.flatMap((row) => {
    const match = matchRow(row, registry, issues);
    if (!match) return [];
    const id = match.existing?.id ?? row.id ?? randomUUID();
    return [{ row, id, existing: match.existing, keepsParent: match.existing !== null && !columns.has('induk') }];
  });
  const parents = resolveParents(targets, { registry, issues });
  const badRows = new Set(issues.map((issue) => issue.row));
  const items = targets.filter((target) => valid.has(target.row) && !badRows.has(target.row.row)).map((target) => planRow(target, parents.get(target.id) ?? null, registry, columns, issues));
  return { items, issues };
}
