import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, type BuiltUser } from '../../../../tests/support/builders';
import { createTestDatabase } from '../../../../tests/support/test-db';
import type { CreateAgreementInput } from '../../../shared/agreements';
import { ExportQuerySchema, type ExportColumn } from '../../../shared/search';
import type { Database } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { createAgreement } from '../agreements/agreements.service';
import { exportAgreements } from '../search/search-export.service';
import { importFile } from './imports.service';
import { testCtx } from '../../../../tests/support/test-ctx';

// The README's promise: an export of a register made in the app re-imports into an empty database
// unchanged. The register is built through the services, exported with the app's own export, imported
// into a fresh database, exported again, and every exported field of every agreement compared.

const NOW = new Date('2026-06-15T03:00:00Z');
type Sheet = Record<string, Record<ExportColumn, string>>;

async function readExport(body: Buffer, format: 'xlsx' | 'csv'): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  const sheet = format === 'xlsx'
    ? (await workbook.xlsx.load(body as unknown as ArrayBuffer), workbook.worksheets[0])
    : await workbook.csv.read(Readable.from(body), { map: (value: unknown) => value });
  if (!sheet) throw new Error('no sheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Sheet = {};
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const values = (row.values as (string | number | null | undefined)[]).slice(1);
    const record = Object.fromEntries(header.map((key, column) => [key, String(values[column] ?? '')])) as Record<ExportColumn, string>;
    rows[record.id] = record;
  });
  return rows;
}

async function exportOf(db: Database, actor: BuiltUser, format: 'xlsx' | 'csv') {
  const ctx: ActorCtx = testCtx({ db: db.db, actor, now: NOW });
  return (await exportAgreements(ctx, ExportQuerySchema.parse({ format }))).body;
}

describe('export → import round trip', () => {
  let source: Database;
  let admin: BuiltUser;
  beforeAll(async () => {
    source = await createTestDatabase();
    admin = await buildUser(source.db, { role: 'admin' });
    const ctx: ActorCtx = testCtx({ db: source.db, actor: admin, now: NOW });
    const unit = async (name: string) => (await buildUnit(source.db, { name, shortName: null })).id;
    const koperasi = await unit('Dinas Koperasi Ekspor Uji');
    const bappeda = await unit('Bappeda Ekspor Uji');
    const kesehatan = await unit('Dinas Kesehatan Ekspor Uji');
    const base = (overrides: Partial<CreateAgreementInput>): CreateAgreementInput => ({
      docType: 'KB', kind: 'KSDPK', title: 'Naskah uji ekspor', partners: [{ name: 'PT Mitra Ekspor Uji', categoryCode: 'swasta' }],
      leadUnitId: koperasi, primarySectorCode: 'umkm_koperasi', signedOn: '2021-01-10', startsOn: '2021-01-10', endsOn: '2025-01-09', ...overrides,
    });
    // A KB registered without the city's number, with a PKS and an adendum of that PKS below it.
    const kb = await createAgreement(ctx, base({ title: 'Kesepakatan Bersama tanpa nomor pemda', numberPartner: 'BANK/KB/1',
      partners: [{ name: 'PT Bank Ekspor Uji', categoryCode: 'bumd' }, { name: 'Universitas Ekspor Uji', categoryCode: 'perguruan_tinggi_negeri' }],
      supportingUnitIds: [bappeda, kesehatan], otherSectorCodes: ['perbankan_keuangan', 'pendidikan'], scope: 'Pembiayaan; pelatihan' }));
    const pks = await createAgreement(ctx, base({ docType: 'PKS', title: 'PKS pembiayaan pedagang', numberOurs: '500/PKS/EKS/2022', parentId: kb.id,
      signedOn: '2022-02-01', startsOn: '2022-02-01', endsOn: '2028-01-31', longTermReason: 'Kredit jangka panjang', valueIdr: '1500000000',
      partners: [{ name: 'PT Bank Ekspor Uji', categoryCode: 'bumd' }], supportingUnitIds: [bappeda] }));
    await createAgreement(ctx, base({ docType: 'ADENDUM', title: 'Adendum pertama PKS pembiayaan', numberOurs: '500/ADD/EKS/2023', parentId: pks.id,
      signedOn: '2023-03-01', startsOn: '2023-03-01', endsOn: '2028-01-31', partners: [{ name: 'PT Bank Ekspor Uji', categoryCode: 'bumd' }] }));
    await createAgreement(ctx, base({ kind: 'KSDD', ksddMode: 'wajib', title: 'Kerja sama antardaerah air bersih', numberOurs: '119/KB/EKS/2024', scope: '=1+1 bukan rumus',
      partners: [{ name: 'Pemerintah Kabupaten Ekspor Uji', categoryCode: 'pemerintah_kabupaten_kota' }], primarySectorCode: 'pendidikan',
      signedOn: '2024-05-05', startsOn: '2024-05-05', endsOn: '2029-05-04', leadUnitId: kesehatan }));
  });
  afterAll(async () => {
    await source.close();
  });

  it.each(['xlsx', 'csv'] as const)('re-imports a %s export into an empty database unchanged, children listed above parents', async (format) => {
    const file = await exportOf(source, admin, format);
    const exported = await readExport(file, format);
    const titles = Object.values(exported).map((row) => row.judul);
    expect(titles).toHaveLength(4);
    expect(titles.indexOf('Adendum pertama PKS pembiayaan')).toBeLessThan(titles.indexOf('Kesepakatan Bersama tanpa nomor pemda'));
    const target = await createTestDatabase();
    try {
      const result = await importFile(testCtx({ db: target.db, actor: null, now: NOW }), { fileName: `ekspor.${format}`, bytes: file, dryRun: false });
      expect(result.preview.issues).toEqual([]);
      expect(result.run).toMatchObject({ status: 'done', createdCount: 4 });
      const again = await readExport(await exportOf(target, await buildUser(target.db, { role: 'admin' }), format), format);
      expect(again).toEqual(exported);
      // Importing the same export again changes nothing.
      const second = await importFile(testCtx({ db: target.db, actor: null, now: NOW }), { fileName: `ekspor.${format}`, bytes: file, dryRun: false });
      expect(second.run).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 4 });
    } finally {
      await target.close();
    }
  });
});
