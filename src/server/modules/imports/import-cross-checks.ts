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

function checkParents(rows: RawRow[], firstRow: Map<string, number>, registry: ImportRegistry, issues: ImportIssue[]) {
  for (const row of rows) {
    const parent = row.cells.induk ?? '';
    if (parent === '') continue;
    const parentRow = firstRow.get(parent);
    const report = (message: string) => issues.push({ row: row.row, column: 'induk', message });
    const isKnown = (parentRow !== undefined && parentRow < row.row) || registry.agreementByNumber.has(parent);
    if (parent === row.cells.nomor_pemda) report('induk tidak boleh dokumen itu sendiri / a document cannot be its own parent');
    else if (isKnown) continue;
    else if (parentRow !== undefined) {
      report(`induk "${parent}" ada di baris ${parentRow}: tulis induk sebelum turunannya / put the parent above its child`);
    } else {
      report(`induk "${parent}" tidak ditemukan di berkas maupun di register / parent not found in the file or the registry`);
    }
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
