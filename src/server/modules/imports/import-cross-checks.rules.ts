import { agreementNumberKey } from '../../../shared/agreement-number';
import type { ImportIssue } from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import { splitList } from './import-cells.rules';
import type { RawRow } from './imports.sheet';
import type { ImportRegistry } from './import-registry.service';

// Rules that look at more than one row: numbers and ids are unique in the file, and one institution
// has one category across the file and the registry. Parents are checked by the plan (import-parents.rules.ts),
// which knows which agreement each row becomes.

function checkUnique(rows: RawRow[], column: 'nomor_pemda' | 'id', keyOf: (text: string) => string | null, issues: ImportIssue[]) {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const text = row.cells[column] ?? '';
    const key = keyOf(text);
    if (key === null) continue;
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, row.row);
    else issues.push({ row: row.row, column, message: `"${text}" sudah dipakai di baris ${earlier} / already used in row ${earlier}` });
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
  // Numbers compare by their key: "VAR-1/A" and "var-1 / a" in one file are one agreement twice.
  checkUnique(rows, 'nomor_pemda', agreementNumberKey, issues);
  checkUnique(rows, 'id', (text) => text.toLowerCase() || null, issues);
  checkPartnerCategories(rows, registry, issues);
  return issues;
}
