import {
  IMPORT_SUGGESTION_LIMIT,
  IMPORT_SUGGESTION_MAX_NAMES,
  IMPORT_SUGGESTION_SIMILARITY,
  type ImportChoices,
  type ImportIssue,
  type ImportNewName,
  type ImportRow,
} from '../../../shared/imports';
import { normalizePartnerName } from '../../../shared/partner-name';
import { unitKey } from '../../../shared/unit-name';
import type { Db } from '../../db/client';
import { invalid } from '../../lib/errors';
import { findPartnerRecords, findSimilarPartners } from '../partners/partners.service';
import { findSimilarUnits } from '../units/units.service';
import { splitList } from './import-cells.rules';
import type { ImportRegistry } from './import-registry.service';
import type { RawTable } from './imports.sheet';

// The OPDs and partners an import would create. A misspelt name ("Badan Perencanaan Pembangunan
// Riset …" without its comma) would otherwise become a second OPD nobody asked for: the preview
// lists each new name with the existing rows it resembles, and the admin's choice ("use this one")
// is applied to the registry the import is checked and written against.

type NameUse = { key: string; name: string; rows: number[] };

function collect(rows: ImportRow[], namesOf: (row: ImportRow) => string[], input: { keyOf: (name: string) => string; isKnown: (key: string) => boolean }): NameUse[] {
  const byKey = new Map<string, NameUse>();
  for (const row of rows) {
    for (const name of namesOf(row)) {
      const key = input.keyOf(name);
      if (input.isKnown(key)) continue;
      const use = byKey.get(key) ?? { key, name, rows: [] };
      if (!use.rows.includes(row.row)) use.rows.push(row.row);
      byKey.set(key, use);
    }
  }
  return [...byKey.values()];
}

function withCandidates(uses: NameUse[], similar: { key: string; id: string; name: string; similarity: number }[], keyOf: (use: NameUse) => string): ImportNewName[] {
  const byKey = new Map<string, typeof similar>();
  for (const row of similar) {
    const rows = byKey.get(row.key) ?? [];
    rows.push(row);
    byKey.set(row.key, rows);
  }
  return uses.map((use) => ({
    ...use,
    candidates: (byKey.get(keyOf(use)) ?? []).map(({ id, name, similarity }) => ({ id, name, similarity: Math.round(similarity * 1000) / 1000 })),
  }));
}

// The names a preview lists and compares: those used in the most rows, then the earliest.
function mostUsed(uses: NameUse[]): { listed: NameUse[]; others: number } {
  const ordered = uses.toSorted((a, b) => b.rows.length - a.rows.length || (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
  return { listed: ordered.slice(0, IMPORT_SUGGESTION_MAX_NAMES), others: Math.max(0, ordered.length - IMPORT_SUGGESTION_MAX_NAMES) };
}

export type NewNames = { newUnits: ImportNewName[]; newPartners: ImportNewName[]; otherNewNames: { units: number; partners: number } };

// Every name read from the file (valid rows or not) that the registry does not know yet.
export async function findNewNames(db: Db, input: { rows: ImportRow[]; registry: ImportRegistry }): Promise<NewNames> {
  const { rows, registry } = input;
  const units = mostUsed(collect(rows, (row) => row.unitNames, { keyOf: unitKey, isKnown: (key) => registry.unitByKey.has(key) }));
  const partners = mostUsed(collect(rows, (row) => row.partners.map((partner) => partner.name), { keyOf: normalizePartnerName, isKnown: (key) => registry.partnerByKey.has(key) }));
  const options = { threshold: IMPORT_SUGGESTION_SIMILARITY, limit: IMPORT_SUGGESTION_LIMIT };
  const unitMatchKey = (use: NameUse) => normalizePartnerName(use.name);
  const [similarUnits, similarPartners] = await Promise.all([
    findSimilarUnits(db, { ...options, keys: units.listed.map(unitMatchKey) }),
    findSimilarPartners(db, { ...options, keys: partners.listed.map((use) => use.key) }),
  ]);
  return {
    newUnits: withCandidates(units.listed, similarUnits, unitMatchKey),
    newPartners: withCandidates(partners.listed, similarPartners, (use) => use.key),
    otherNewNames: { units: units.others, partners: partners.others },
  };
}

// The admin's choices as registry entries: the file's name now means the chosen row. A chosen row
// that no longer exists (merged or removed since) is reported against row 0 and nothing is written.
export async function applyChoices(db: Db, input: { registry: ImportRegistry; choices: ImportChoices | undefined }): Promise<ImportIssue[]> {
  const { registry, choices } = input;
  if (!choices) return [];
  const issues: ImportIssue[] = [];
  for (const choice of choices.units) {
    const name = registry.unitNameById.get(choice.id);
    if (name === undefined) issues.push({ row: 0, column: 'opd', message: 'OPD pilihan untuk sebuah nama tidak ada lagi; pratinjau ulang berkasnya / the chosen OPD no longer exists' });
    else registry.unitByKey.set(choice.key, { id: choice.id, name });
  }
  const partners = await findPartnerRecords(db, choices.partners.map((choice) => choice.id));
  for (const choice of choices.partners) {
    const partner = partners.get(choice.id);
    if (!partner) {
      issues.push({ row: 0, column: 'mitra', message: 'mitra pilihan untuk sebuah nama tidak ada lagi; pratinjau ulang berkasnya / the chosen partner no longer exists' });
      continue;
    }
    const entry = { id: partner.id, name: partner.name, categoryCode: partner.categoryCode };
    registry.partnerByKey.set(choice.key, entry);
    registry.partnerByKey.set(partner.nameKey, entry);
  }
  return issues;
}

// At confirmation: every choice names a name of this file and an existing row, else 400 naming it.
export async function checkChoices(db: Db, input: { table: RawTable; choices: ImportChoices; unitIds: Set<string> }): Promise<void> {
  const { table, choices } = input;
  const unitKeys = new Set(table.rows.flatMap((row) => splitList(row.cells.opd ?? '').map(unitKey)));
  const partnerKeys = new Set(table.rows.flatMap((row) => splitList(row.cells.mitra ?? '').map(normalizePartnerName)));
  for (const [index, choice] of choices.units.entries()) {
    if (!unitKeys.has(choice.key)) throw invalid(`units.${index}.key`, { message: `Nama OPD "${choice.key}" tidak ada di berkas.`, messageEn: `The OPD name "${choice.key}" is not in the file.` });
    if (!input.unitIds.has(choice.id)) throw invalid(`units.${index}.id`, { message: `OPD pilihan untuk "${choice.key}" tidak ditemukan.`, messageEn: `The OPD chosen for "${choice.key}" was not found.` });
  }
  const partners = await findPartnerRecords(db, choices.partners.map((choice) => choice.id));
  for (const [index, choice] of choices.partners.entries()) {
    if (!partnerKeys.has(choice.key)) throw invalid(`partners.${index}.key`, { message: `Nama mitra "${choice.key}" tidak ada di berkas.`, messageEn: `The partner name "${choice.key}" is not in the file.` });
    if (!partners.has(choice.id)) throw invalid(`partners.${index}.id`, { message: `Mitra pilihan untuk "${choice.key}" tidak ditemukan.`, messageEn: `The partner chosen for "${choice.key}" was not found.` });
  }
}
