import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { agreementNumberKey } from '../../src/shared/agreement-number';
import type { CreateAgreementInput } from '../../src/shared/agreements';
import { normalizePartnerName } from '../../src/shared/partner-name';
import type { Db } from '../../src/server/db/client';
import {
  agreementPartners,
  agreementSectors,
  agreementUnits,
  agreements,
} from '../../src/server/modules/agreements/agreements.table';
import { documents } from '../../src/server/modules/documents/documents.table';
import { partners } from '../../src/server/modules/partners/partners.table';
import { buildUnit } from './builders';

// Registry rows inserted directly (no service, no audit), with missing partners and OPDs created.
const unique = () => randomBytes(4).toString('hex');

export type BuiltPartner = typeof partners.$inferSelect;
export type BuiltAgreement = typeof agreements.$inferSelect & {
  partnerIds: string[];
  leadUnitId: string;
  supportingUnitIds: string[];
  sectorCodes: string[];
};

type PartnerOverrides = Partial<Omit<typeof partners.$inferInsert, 'nameKey'>>;

export async function buildPartner(db: Db, overrides: PartnerOverrides = {}): Promise<BuiltPartner> {
  const name = overrides.name ?? `PT Mitra Uji ${unique()}`;
  const [row] = await db
    .insert(partners)
    .values({ categoryCode: 'swasta', ...overrides, name, nameKey: normalizePartnerName(name) })
    .returning();
  if (!row) throw new Error('buildPartner: nothing inserted');
  return row;
}

export type AgreementOverrides = Partial<typeof agreements.$inferInsert> & {
  // Each entry: an existing partner by id, or the fields of a partner to create. First = primary.
  partners?: ({ id: string } | PartnerOverrides)[];
  leadUnitId?: string;
  supportingUnitIds?: string[];
  otherSectorCodes?: string[];
  // On the public portal: chosen public and with a signed document (a row only, no stored file).
  onPortal?: boolean;
};

async function partnerRows(db: Db, specs: AgreementOverrides['partners']): Promise<BuiltPartner[]> {
  const rows: BuiltPartner[] = [];
  for (const spec of specs ?? [{}]) {
    if ('id' in spec && spec.id) {
      const [row] = await db.select().from(partners).where(eq(partners.id, spec.id));
      if (!row) throw new Error(`buildAgreement: no partner ${spec.id}`);
      rows.push(row);
    } else {
      rows.push(await buildPartner(db, spec));
    }
  }
  return rows;
}

export async function buildAgreement(db: Db, overrides: AgreementOverrides = {}): Promise<BuiltAgreement> {
  const { partners: partnerSpecs, leadUnitId, supportingUnitIds = [], otherSectorCodes = [], onPortal = false, ...columns } = overrides;
  const linked = await partnerRows(db, partnerSpecs);
  const lead = leadUnitId ?? (await buildUnit(db)).id;
  const [row] = await db
    .insert(agreements)
    .values({
      docType: 'KB',
      kind: 'KSDPK',
      title: `Kesepakatan Bersama Uji ${unique()}`,
      signedOn: '2026-01-10',
      startsOn: '2026-01-10',
      endsOn: '2029-01-09',
      primarySectorCode: 'pendidikan',
      primaryCategoryCode: linked[0]?.categoryCode ?? null,
      ...(onPortal ? { isPublic: true } : {}),
      ...columns,
      numberKey: agreementNumberKey(columns.numberOurs),
    })
    .returning();
  if (!row) throw new Error('buildAgreement: nothing inserted');
  if (linked.length > 0) {
    await db.insert(agreementPartners).values(linked.map((partner, position) => ({ agreementId: row.id, partnerId: partner.id, position })));
  }
  await db.insert(agreementUnits).values([
    { agreementId: row.id, unitId: lead, isLead: true },
    ...supportingUnitIds.filter((id) => id !== lead).map((unitId) => ({ agreementId: row.id, unitId, isLead: false })),
  ]);
  const sectorCodes = [...new Set([row.primarySectorCode, ...otherSectorCodes])];
  await db.insert(agreementSectors).values(sectorCodes.map((sectorCode) => ({ agreementId: row.id, sectorCode })));
  if (onPortal) await buildSignedDocument(db, row.id);
  await db.execute(sql`SELECT jalin_refresh_agreement_search(ARRAY[${row.id}]::uuid[])`);
  const [fresh] = await db.select().from(agreements).where(eq(agreements.id, row.id));
  return { ...(fresh ?? row), partnerIds: linked.map((partner) => partner.id), leadUnitId: lead, supportingUnitIds, sectorCodes };
}

const COUNTED_TABLES = ['agreements', 'agreement_partners', 'agreement_units', 'agreement_sectors', 'partners', 'audit_log'] as const;
export type RegistryCounts = Record<(typeof COUNTED_TABLES)[number], number>;

// Row counts of every table an agreement write touches, to prove a refused write left nothing behind.
export async function registryCounts(db: Db): Promise<RegistryCounts> {
  const columns = COUNTED_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ');
  const result: unknown = await db.execute(sql.raw(`SELECT ${columns}`));
  const [row] = (result as { rows: RegistryCounts[] }).rows;
  if (!row) throw new Error('registryCounts: no row');
  return row;
}

// A valid POST /api/agreements body with a fresh lead OPD and a new partner; tests override what they examine.
export async function agreementPayload(db: Db, overrides: Partial<CreateAgreementInput> = {}): Promise<CreateAgreementInput> {
  const tag = unique();
  return {
    docType: 'KB',
    kind: 'KSDPK',
    title: `Kesepakatan Bersama tentang Pengembangan UMKM ${tag}`,
    signedOn: '2026-02-01',
    startsOn: '2026-02-01',
    endsOn: '2029-01-31',
    partners: [{ name: `PT Mitra Usaha ${tag}`, categoryCode: 'swasta' }],
    leadUnitId: overrides.leadUnitId ?? (await buildUnit(db)).id,
    primarySectorCode: 'umkm_koperasi',
    ...overrides,
  };
}

// The signed document's row (kind naskah_ttd, not public): what the portal waits for. No file is
// stored; a test that downloads the document uploads it through the route instead.
export async function buildSignedDocument(db: Db, agreementId: string): Promise<void> {
  const key = `uji/${unique()}.pdf`;
  await db.insert(documents).values({ agreementId, kind: 'naskah_ttd', fileName: 'naskah-ttd.pdf', mimeType: 'application/pdf', sizeBytes: 1, sha256: key, storageKey: key, isPublic: false });
}
