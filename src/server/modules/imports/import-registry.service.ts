import { agreementNumberKey } from '../../../shared/agreement-number';
import { normalizePartnerName } from '../../../shared/partner-name';
import { unitKey } from '../../../shared/unit-name';
import type { Db } from '../../db/client';
import { groupBy } from '../../lib/group-by';
import { findPartnersByKeys } from '../partners/partners.service';
import { getSettings } from '../settings/settings.service';
import { isUuid, splitList } from './import-cells.rules';
import type { RawTable } from './imports.sheet';
import * as repo from './imports.repository';

// Everything the import checks rows against, read with a handful of set-based queries
// (never one query per row): the benchmark target is thousands of rows a second.
export type ExistingAgreement = {
  id: string;
  version: number;
  numberOurs: string | null;
  numberKey: string | null;
  numberKeyDuplicate: boolean;
  parentId: string | null;
  docType: string;
  kind: string;
  ksddMode: string | null;
  title: string;
  numberPartner: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  scope: string | null;
  valueIdr: string | null;
  longTermReason: string | null;
  parentNumber: string | null;
  primarySectorCode: string;
  partnerKeys: string[];
  partnerNames: string[];
  leadUnitId: string | null;
  supportingUnitIds: string[];
  otherSectorCodes: string[];
};

export type RegistryPartner = { id: string; name: string; categoryCode: string };
export type RegistryUnit = { id: string; name: string };

export type ImportRegistry = {
  categoryCodes: Set<string>;
  // Lower-cased code or name → code.
  sectorByLabel: Map<string, string>;
  // unitKey(name) and unitKey(short name) → unit.
  unitByKey: Map<string, RegistryUnit>;
  unitNameById: Map<string, string>;
  partnerByKey: Map<string, RegistryPartner>;
  // By agreementNumberKey(number) and by id: the agreements the file names (nomor_pemda, id, induk).
  agreementByKey: Map<string, ExistingAgreement>;
  agreementById: Map<string, ExistingAgreement>;
  maxTermYears: number;
};

async function loadMaster(db: Db) {
  const { categoryRows, sectorRows, unitRows } = await repo.masterRows(db);
  const sectorByLabel = new Map<string, string>();
  for (const row of sectorRows) {
    sectorByLabel.set(row.name.toLowerCase(), row.code);
    sectorByLabel.set(row.code.toLowerCase(), row.code);
  }
  const unitByKey = new Map<string, RegistryUnit>();
  for (const row of unitRows) {
    if (row.shortName && !unitByKey.has(unitKey(row.shortName))) unitByKey.set(unitKey(row.shortName), row);
  }
  // Full names win over a short name that happens to read the same.
  for (const row of unitRows) unitByKey.set(unitKey(row.name), row);
  return {
    categoryCodes: new Set(categoryRows.map((row) => row.code)),
    sectorByLabel,
    unitByKey,
    unitNameById: new Map(unitRows.map((row) => [row.id, row.name])),
  };
}

async function loadPartners(db: Db, table: RawTable): Promise<Map<string, RegistryPartner>> {
  const keys = table.rows.flatMap((row) => splitList(row.cells.mitra ?? '').map(normalizePartnerName));
  const rows = await findPartnersByKeys(db, keys);
  return new Map(rows.map((row) => [row.key, { id: row.id, name: row.name, categoryCode: row.categoryCode }]));
}

async function loadAgreements(db: Db, table: RawTable): Promise<ExistingAgreement[]> {
  const refs = table.rows.flatMap((row) => [row.cells.nomor_pemda ?? '', row.cells.induk ?? '', row.cells.id ?? '']).filter((ref) => ref !== '');
  const keys = refs.flatMap((ref) => agreementNumberKey(ref) ?? []);
  const ids = refs.filter(isUuid).map((id) => id.toLowerCase());
  const rows = await repo.agreementsByKeysOrIds(db, { keys, ids });
  const relations = await repo.agreementLinks(db, rows.map((row) => row.id));
  const partnersOf = groupBy(relations.partnerLinks, (link) => link.agreementId);
  const unitsOf = groupBy(relations.unitLinks, (link) => link.agreementId);
  const sectorsOf = groupBy(relations.sectorLinks, (link) => link.agreementId);
  return rows.map((row) => {
    const linked = partnersOf.get(row.id) ?? [];
    const unitRows = unitsOf.get(row.id) ?? [];
    return {
      ...row,
      partnerKeys: linked.map((link) => link.key),
      partnerNames: linked.map((link) => link.name),
      leadUnitId: unitRows.find((link) => link.isLead)?.unitId ?? null,
      supportingUnitIds: unitRows.filter((link) => !link.isLead).map((link) => link.unitId).sort(),
      otherSectorCodes: (sectorsOf.get(row.id) ?? []).map((link) => link.sectorCode).filter((code) => code !== row.primarySectorCode).sort(),
    };
  });
}

function indexAgreements(list: ExistingAgreement[]) {
  const agreementByKey = new Map<string, ExistingAgreement>();
  // Of legacy duplicates, the one holding the key in the unique index answers for it.
  for (const agreement of [...list].sort((a, b) => Number(b.numberKeyDuplicate) - Number(a.numberKeyDuplicate))) {
    if (agreement.numberKey) agreementByKey.set(agreement.numberKey, agreement);
  }
  return { agreementByKey, agreementById: new Map(list.map((agreement) => [agreement.id, agreement])) };
}

export async function loadImportRegistry(db: Db, table: RawTable): Promise<ImportRegistry> {
  const master = await loadMaster(db);
  const partnerByKey = await loadPartners(db, table);
  const agreements = indexAgreements(await loadAgreements(db, table));
  const { maxTermYears } = await getSettings(db);
  return { ...master, partnerByKey, ...agreements, maxTermYears };
}
