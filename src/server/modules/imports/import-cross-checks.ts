import type { ImportIssue } from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import { splitList } from './import-cells';
import type { RawRow } from './import-file';
import type { ImportRegistry } from './import-registry';

// Rules that look at more than one row: numbers are unique, a parent comes first,
// and one institution has one category across the file and the registry.

function checkNumbers(rows: RawRow[], issues: ImportIssue[]): Map<string, number> {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const number = row.cells.nomor_pemda ?? '';
    if (number === '') continue;
    const earlier = firstRow.get(number);
    if (earlier === undefined) firstRow.set(number, row.row);
    else issues.push({ row: row.row, column: 'nomor_pemda', message: `nomor "${number}" sudah dipakai di baris ${earlier} / number already used in row ${earlier}` });
  }
  return firstRow;
}

// The same parent rules as the registry form: a PKS implements a KB or (with central government)
// an NK; an adendum amends a KB, PKS or NK and must name it; a KB or NK has no parent.
function parentKindProblem(docType: string, parentType: string | undefined): string | null {
  if (docType === 'KB' || docType === 'NK') return 'KB dan NK tidak memiliki induk / a KB or NK has no parent';
  if (docType === 'PKS' && parentType && parentType !== 'KB' && parentType !== 'NK') return `induk PKS harus KB atau NK, bukan ${parentType} / the parent of a PKS must be a KB or NK`;
  if (docType === 'ADENDUM' && parentType === 'ADENDUM') return 'adendum mengubah KB, PKS atau NK, bukan adendum lain / an adendum cannot amend an adendum';
  return null;
}

type FileIndex = { firstRow: Map<string, number>; docTypeOf: (number: string) => string | undefined; parentOf: (number: string) => string | null };

function indexFile(rows: RawRow[], firstRow: Map<string, number>, registry: ImportRegistry): FileIndex {
  const fileDocType = new Map<string, string>();
  const fileParent = new Map<string, string | null>();
  for (const row of rows) {
    const number = row.cells.nomor_pemda ?? '';
    if (firstRow.get(number) !== row.row) continue;
    fileDocType.set(number, (row.cells.jenis_dokumen ?? '').toUpperCase());
    fileParent.set(number, row.cells.induk || null);
  }
  return {
    firstRow,
    docTypeOf: (number) => fileDocType.get(number) ?? registry.agreementByNumber.get(number)?.docType,
    parentOf: (number) => (fileParent.has(number) ? (fileParent.get(number) ?? null) : (registry.agreementByNumber.get(number)?.parentNumber ?? null)),
  };
}

function makesCycle(number: string, parent: string, index: FileIndex): boolean {
  let current: string | null = parent;
  for (let depth = 0; current && depth < 100; depth += 1) {
    if (current === number) return true;
    current = index.parentOf(current);
  }
  return false;
}

function parentProblem(row: RawRow, index: FileIndex, registry: ImportRegistry): string | null {
  const parent = row.cells.induk ?? '';
  const number = row.cells.nomor_pemda ?? '';
  const docType = (row.cells.jenis_dokumen ?? '').toUpperCase();
  if (parent === '') return docType === 'ADENDUM' ? 'adendum harus menyebut naskah yang diubahnya / an adendum must name the document it amends' : null;
  if (parent === number) return 'induk tidak boleh dokumen itu sendiri / a document cannot be its own parent';
  const parentRow = index.firstRow.get(parent);
  const isKnown = (parentRow !== undefined && parentRow < row.row) || registry.agreementByNumber.has(parent);
  if (!isKnown && parentRow !== undefined) return `induk "${parent}" ada di baris ${parentRow}: tulis induk sebelum turunannya / put the parent above its child`;
  if (!isKnown) return `induk "${parent}" tidak ditemukan di berkas maupun di register / parent not found in the file or the registry`;
  if (makesCycle(number, parent, index)) return 'hubungan induk ini membentuk lingkaran / this parent link makes a cycle';
  return parentKindProblem(docType, index.docTypeOf(parent));
}

function checkParents(rows: RawRow[], firstRow: Map<string, number>, registry: ImportRegistry, issues: ImportIssue[]) {
  const index = indexFile(rows, firstRow, registry);
  for (const row of rows) {
    const problem = parentProblem(row, index, registry);
    if (problem) issues.push({ row: row.row, column: 'induk', message: problem });
  }
}

function checkPartnerCategories(rows: RawRow[], registry: ImportRegistry, issues: ImportIssue[]) {
  const seen = new Map<string, { category: string; row: number }>();
  for (const row of rows) {
    const names = splitList(row.cells.mitra ?? '');
    const categories = splitList(row.cells.kategori_mitra ?? '').map((code) => code.toLowerCase());
    if (names.length !== categories.length) continue;
    names.forEach((name, index) => {
      const key = normalizePartnerName(name);
      const category = categories[index] ?? '';
      const known = registry.partnerByKey.get(key);
      const earlier = seen.get(key);
      const report = (message: string) => issues.push({ row: row.row, column: 'kategori_mitra', message });
      // An unknown category is already reported by the row itself.
      if (!registry.categoryCodes.has(category)) return;
      if (known && known.categoryCode !== category) {
        report(`mitra "${known.name}" terdaftar dengan kategori ${known.categoryCode}, bukan ${category} / registered with another category`);
      } else if (!known && earlier && earlier.category !== category) {
        report(`mitra "${name}" berkategori ${earlier.category} di baris ${earlier.row}, bukan ${category} / another category in an earlier row`);
      } else if (!earlier) {
        seen.set(key, { category, row: row.row });
      }
    });
  }
}

export function checkAcrossRows(rows: RawRow[], registry: ImportRegistry): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const firstRow = checkNumbers(rows, issues);
  checkParents(rows, firstRow, registry, issues);
  checkPartnerCategories(rows, registry, issues);
  return issues;
}
