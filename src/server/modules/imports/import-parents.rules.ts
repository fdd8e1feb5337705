import { agreementNumberKey } from '../../../shared/agreement-number';
import type { ImportIssue, ImportRow } from '../../../shared/imports';
import { parentKindProblem } from '../agreements/agreements.rules';
import { isUuid } from './import-cells.rules';
import type { ExistingAgreement, ImportRegistry } from './import-registry.service';

// The parent (induk) of each row, found wherever it is: in any row of the file (a register exported
// newest first lists children above their parents) or in the registry, by number (compared by its
// key) or, for a parent without a number, by Jalin's id. The same parent rules as the registry form.

export type Node = { id: string; numberOurs: string | null; docType: string; parentId: string | null };
// keepsParent: the file has no induk column, so an existing agreement keeps the parent it has.
export type RowTarget = { row: ImportRow; id: string; existing: ExistingAgreement | null; keepsParent: boolean };

export type ParentIndex = { resolve: (ref: string) => Node | undefined; parentOf: (id: string) => string | null };

export function indexParents(targets: RowTarget[], input: { registry: ImportRegistry; ownParent: Map<string, string | null> }): ParentIndex {
  const { registry, ownParent } = input;
  const byKey = new Map<string, Node>();
  const byId = new Map<string, Node>();
  const add = (node: Node) => {
    const key = agreementNumberKey(node.numberOurs);
    if (key) byKey.set(key, node);
    byId.set(node.id, node);
  };
  for (const agreement of registry.agreementById.values()) add({ id: agreement.id, numberOurs: agreement.numberOurs, docType: agreement.docType, parentId: agreement.parentId });
  // The file's rows replace what the registry says of the same agreements.
  for (const { row, id, existing } of targets) add({ id, numberOurs: row.numberOurs ?? existing?.numberOurs ?? null, docType: row.docType, parentId: null });
  return {
    resolve: (ref) => byKey.get(agreementNumberKey(ref) ?? '') ?? (isUuid(ref) ? byId.get(ref.toLowerCase()) : undefined),
    parentOf: (id) => (ownParent.has(id) ? (ownParent.get(id) ?? null) : (byId.get(id)?.parentId ?? null)),
  };
}

// The registry's rule (agreements.rules.ts), in the import's words; an adendum must also name its parent.
function parentKindMessage(docType: string, parentType: string): string | null {
  // A type that could not be read is reported by its own row.
  if (!docType || !parentType) return null;
  switch (parentKindProblem(docType, parentType)) {
    case 'has_no_parent':
      return 'KB dan NK tidak memiliki induk / a KB or NK has no parent';
    case 'pks_needs_kb_or_nk':
      return `induk PKS harus KB atau NK, bukan ${parentType} / the parent of a PKS must be a KB or NK`;
    case 'adendum_of_adendum':
      return 'adendum mengubah KB, PKS atau NK, bukan adendum lain / an adendum cannot amend an adendum';
    case null:
      return null;
  }
}

function makesCycle(id: string, parentId: string, index: ParentIndex): boolean {
  let current: string | null = parentId;
  for (let depth = 0; current && depth < 100; depth += 1) {
    if (current === id) return true;
    current = index.parentOf(current);
  }
  return false;
}

// The parent a row names, or the reason it cannot be its parent.
export function checkParent(target: RowTarget, input: { parent: Node | undefined; index: ParentIndex }): string | null {
  const { parent, index } = input;
  const { row } = target;
  if (!row.parentNumber) return row.docType === 'ADENDUM' ? 'adendum harus menyebut naskah yang diubahnya / an adendum must name the document it amends' : null;
  if (!parent) return `induk "${row.parentNumber}" tidak ditemukan di berkas (baris yang sah) maupun di register / parent not found in the file's valid rows or the registry`;
  if (parent.id === target.id) return 'induk tidak boleh dokumen itu sendiri / a document cannot be its own parent';
  if (makesCycle(target.id, parent.id, index)) return 'hubungan induk ini membentuk lingkaran / this parent link makes a cycle';
  return parentKindMessage(row.docType, parent.docType);
}

// Resolves every row's parent to an id and reports the rows whose parent breaks a rule.
export function resolveParents(targets: RowTarget[], input: { registry: ImportRegistry; issues: ImportIssue[] }): Map<string, Node | null> {
  const { registry, issues } = input;
  const ownParent = new Map<string, string | null>();
  const placeholder = indexParents(targets, { registry, ownParent });
  const parents = new Map<string, Node | null>();
  for (const target of targets) {
    const kept = target.existing?.parentId;
    const parent = target.keepsParent ? (kept ? { id: kept, numberOurs: target.existing?.parentNumber ?? null, docType: '', parentId: null } : undefined)
      : target.row.parentNumber ? placeholder.resolve(target.row.parentNumber) : undefined;
    parents.set(target.id, parent ?? null);
    ownParent.set(target.id, parent?.id ?? null);
  }
  for (const target of targets) {
    if (target.keepsParent) continue;
    const problem = checkParent(target, { parent: parents.get(target.id) ?? undefined, index: placeholder });
    if (problem) issues.push({ row: target.row.row, column: 'induk', message: problem });
  }
  return parents;
}
