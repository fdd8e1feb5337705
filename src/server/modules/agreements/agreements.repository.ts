import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { deriveAgreementStatus } from '../../../shared/agreement-status';
import type { AgreementLink, AgreementView, PartnerSummary, UnitSummary } from '../../../shared/agreements';
import type { Db } from '../../db/client';
import { arrayParam } from '../../db/bulk-sql';
import { localDate } from '../../lib/context';
import { groupBy } from '../../lib/group-by';
import { updateVersioned } from '../../lib/versioned';
import { auditLog } from '../audit/audit.table';
import { partnerCategories, sectors } from '../master/master.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { agreementPartners, agreementSectors, agreementUnits, agreements } from './agreements.table';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementColumns = Omit<typeof agreements.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const byAgreement = <T extends { agreementId: string }>(rows: T[]) => groupBy(rows, (row) => row.agreementId);

const linkColumns = { id: agreements.id, title: agreements.title, docType: agreements.docType, numberOurs: agreements.numberOurs };

async function loadLinks(db: Db, ids: string[]) {
  const [partnerRows, unitRows, sectorRows] = await Promise.all([
    db
      .select({ agreementId: agreementPartners.agreementId, id: partners.id, name: partners.name, categoryCode: partners.categoryCode, groupCode: partnerCategories.groupCode })
      .from(agreementPartners)
      .innerJoin(partners, eq(partners.id, agreementPartners.partnerId))
      .innerJoin(partnerCategories, eq(partnerCategories.code, partners.categoryCode))
      .where(inArray(agreementPartners.agreementId, ids))
      .orderBy(asc(agreementPartners.position)),
    db
      .select({ agreementId: agreementUnits.agreementId, id: units.id, name: units.name, isLead: agreementUnits.isLead })
      .from(agreementUnits)
      .innerJoin(units, eq(units.id, agreementUnits.unitId))
      .where(inArray(agreementUnits.agreementId, ids))
      .orderBy(desc(agreementUnits.isLead), asc(units.name)),
    db.select().from(agreementSectors).where(inArray(agreementSectors.agreementId, ids)).orderBy(asc(agreementSectors.sectorCode)),
  ]);
  return { partners: byAgreement(partnerRows), units: byAgreement(unitRows), sectors: byAgreement(sectorRows) };
}

async function loadFamily(db: Db, rows: AgreementRow[]) {
  const parentIds = [...new Set(rows.flatMap((row) => (row.parentId ? [row.parentId] : [])))];
  const [parents, children] = await Promise.all([
    parentIds.length > 0 ? db.select(linkColumns).from(agreements).where(inArray(agreements.id, parentIds)) : [],
    db
      .select({ ...linkColumns, agreementId: sql<string>`${agreements.parentId}` })
      .from(agreements)
      .where(inArray(agreements.parentId, rows.map((row) => row.id)))
      .orderBy(asc(agreements.signedOn), asc(agreements.createdAt)),
  ]);
  return { parents: new Map(parents.map((parent) => [parent.id, parent])), children: byAgreement(children) };
}

const strip = <T extends { agreementId: string }>({ agreementId: _agreementId, ...rest }: T): Omit<T, 'agreementId'> => rest;

// The one mapping from rows to AgreementView; status is derived here, from the local date in Ternate
// and the warning period of the settings. proposalId is left null: proposals sit above agreements, so
// the routes fill it in from the lookup the app hands them (agreements.routes.ts). The reader's
// abilities start all false and are filled in the same way (presentAgreement).
const NO_AGREEMENT_ABILITIES = { canEdit: false, canEnd: false, canUploadDocuments: false, canDeleteDocuments: false };

export async function loadAgreementViews(db: Db, options: { ids: string[]; now: Date; expiryWarningDays: number }): Promise<AgreementView[]> {
  const { ids } = options;
  if (ids.length === 0) return [];
  const rows = await db.select().from(agreements).where(inArray(agreements.id, ids));
  const [links, family] = await Promise.all([loadLinks(db, ids), loadFamily(db, rows)]);
  const today = localDate(options.now);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const partnerList: PartnerSummary[] = (links.partners.get(id) ?? []).map(strip);
    const unitList: UnitSummary[] = (links.units.get(id) ?? []).map(strip);
    const parent: AgreementLink | null = row.parentId ? (family.parents.get(row.parentId) ?? null) : null;
    return [{
      id: row.id,
      docType: row.docType,
      kind: row.kind,
      ksddMode: row.ksddMode,
      title: row.title,
      numberOurs: row.numberOurs,
      numberPartner: row.numberPartner,
      signedOn: row.signedOn,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      scope: row.scope,
      purpose: row.purpose,
      valueIdr: row.valueIdr,
      status: deriveAgreementStatus(row, today, options.expiryWarningDays),
      isDraft: row.isDraft,
      isPublic: row.isPublic,
      longTermReason: row.longTermReason,
      noParentReason: row.noParentReason,
      termination:
        row.terminationKind && row.terminatedOn
          ? { kind: row.terminationKind, endedOn: row.terminatedOn, reason: row.terminationReason ?? '', note: row.terminationNote }
          : null,
      partners: partnerList,
      units: unitList,
      primarySectorCode: row.primarySectorCode,
      otherSectorCodes: (links.sectors.get(id) ?? []).map((sector) => sector.sectorCode).filter((code) => code !== row.primarySectorCode),
      parent,
      children: (family.children.get(id) ?? []).map(strip),
      proposalId: null,
      abilities: NO_AGREEMENT_ABILITIES,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }];
  });
}

export async function insertAgreement(db: Db, values: typeof agreements.$inferInsert): Promise<string> {
  const [row] = await db.insert(agreements).values(values).returning({ id: agreements.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

// Optimistic locking (lib/versioned.ts): 409 when the row moved on since `version`, 404 when it is gone.
export async function updateAgreementVersioned(
  db: Db,
  options: { id: string; version: number; patch: Partial<AgreementColumns>; now: Date; what: [string, string] },
): Promise<AgreementRow> {
  return updateVersioned({ db, table: agreements, where: eq(agreements.id, options.id), version: options.version, patch: options.patch, now: options.now, what: options.what });
}

// The agreement's history, newest first.
export async function auditEntriesOf(db: Db, id: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

export async function findAgreementRow(db: Db, { id, lock = false }: { id: string; lock?: boolean }): Promise<AgreementRow | undefined> {
  const query = db.select().from(agreements).where(eq(agreements.id, id)).$dynamic();
  if (lock) query.for('update');
  const [row] = await query;
  return row;
}

export async function unitIdsOfAgreement(db: Db, id: string): Promise<string[]> {
  const rows = await db.select({ unitId: agreementUnits.unitId }).from(agreementUnits).where(eq(agreementUnits.agreementId, id));
  return rows.map((row) => row.unitId);
}

// Flagged legacy duplicates count too: a new number may not join their group either.
export async function findByNumberKey(db: Db, { numberKey, exceptId }: { numberKey: string; exceptId: string | null }): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.numberKey, numberKey), exceptId ? ne(agreements.id, exceptId) : undefined))
    .orderBy(agreements.createdAt)
    .limit(1);
  return row;
}

export async function hasAnyAgreement(db: Db): Promise<boolean> {
  const rows = await db.select({ id: agreements.id }).from(agreements).limit(1);
  return rows.length > 0;
}

export async function idsByNumberOurs(db: Db, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.select({ id: agreements.id, numberOurs: agreements.numberOurs }).from(agreements).where(inArray(agreements.numberOurs, numbers));
  return new Map(rows.map((row) => [row.numberOurs ?? '', row.id]));
}

export async function childrenOf(db: Db, id: string) {
  return db.select(linkColumns).from(agreements).where(eq(agreements.parentId, id));
}

export async function replacePartnerLinks(db: Db, { agreementId, partnerIds }: { agreementId: string; partnerIds: string[] }): Promise<void> {
  await db.delete(agreementPartners).where(eq(agreementPartners.agreementId, agreementId));
  await db.insert(agreementPartners).values(partnerIds.map((partnerId, position) => ({ agreementId, partnerId, position })));
}

export async function replaceUnitLinks(db: Db, { agreementId, leadUnitId, supportingUnitIds }: { agreementId: string; leadUnitId: string; supportingUnitIds: string[] }): Promise<void> {
  await db.delete(agreementUnits).where(eq(agreementUnits.agreementId, agreementId));
  await db.insert(agreementUnits).values([
    { agreementId, unitId: leadUnitId, isLead: true },
    ...supportingUnitIds.map((unitId) => ({ agreementId, unitId, isLead: false })),
  ]);
}

// agreement_sectors holds every sector of the agreement, the primary one included.
export async function replaceSectorLinks(db: Db, { agreementId, primary, others }: { agreementId: string; primary: string; others: string[] }): Promise<void> {
  await db.delete(agreementSectors).where(eq(agreementSectors.agreementId, agreementId));
  await db.insert(agreementSectors).values([primary, ...others].map((sectorCode) => ({ agreementId, sectorCode })));
}

export async function refreshAgreementSearch(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`SELECT jalin_refresh_agreement_search(${arrayParam(ids, 'uuid')})`);
}

// The search rows only, for agreements whose search vector is already current.
export async function refreshAgreementSearchRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`SELECT jalin_refresh_agreement_search_rows(${arrayParam(ids, 'uuid')})`);
}

export async function existingUnitIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: units.id }).from(units).where(inArray(units.id, ids));
  return new Set(rows.map((row) => row.id));
}

export async function existingSectorCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: sectors.code }).from(sectors).where(inArray(sectors.code, codes));
  return new Set(rows.map((row) => row.code));
}

// Every agreement's two numbers, for matching scans whose numbers OCR may have misread (intake).
export async function allAgreementNumbers(db: Db): Promise<{ id: string; title: string; numberOurs: string | null; numberPartner: string | null }[]> {
  return db
    .select({ id: agreements.id, title: agreements.title, numberOurs: agreements.numberOurs, numberPartner: agreements.numberPartner })
    .from(agreements)
    .where(sql`${agreements.numberOurs} IS NOT NULL OR ${agreements.numberPartner} IS NOT NULL`);
}

// The demo loader's choice to show these agreements on the portal (their signed documents are attached).
export async function markPublic(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.update(agreements).set({ isPublic: true }).where(inArray(agreements.id, ids));
}
