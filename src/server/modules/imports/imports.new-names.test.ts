import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildPartner } from '../../../../tests/support/registry-builders';
import { createTestDatabase } from '../../../../tests/support/test-db';
import { testCtx } from '../../../../tests/support/test-ctx';
import type { Database } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { toCsv, type SheetRow } from '../../lib/sheet-files';
import { agreementPartners, agreementUnits, agreements } from '../agreements/agreements.table';
import { importRuns } from './imports.table';
import { IMPORT_SUGGESTION_MAX_NAMES } from '../../../shared/imports';
import { confirmImport, previewImport, runImport } from './imports.service';

let database: Database;
let ctx: Ctx;
let seq = 0;
const NOW = new Date('2026-06-15T03:00:00Z');

function prefix(): string {
  seq += 1;
  return `N${seq}-${Date.now().toString(36)}`;
}

function row(p: string, overrides: Partial<SheetRow> = {}): SheetRow {
  return {
    nomor_pemda: `${p}/KB/01`,
    judul: `Kesepakatan Bersama Perencanaan ${p}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: `Universitas Khairun ${p}`,
    kategori_mitra: 'perguruan_tinggi_negeri',
    bidang: 'Pendidikan',
    opd: `Badan Perencanaan Pembangunan Riset dan Inovasi Daerah ${p}`,
    tanggal_ttd: '2024-03-15',
    tanggal_mulai: '2024-03-15',
    tanggal_berakhir: '2027-03-14',
    ...overrides,
  };
}

async function counts() {
  const result: unknown = await database.db.execute(sql`SELECT (SELECT count(*)::int FROM agreements) AS a, (SELECT count(*)::int FROM partners) AS p, (SELECT count(*)::int FROM units) AS u`);
  return (result as { rows: { a: number; p: number; u: number }[] }).rows[0];
}

// The OPD the register knows, and the partner, each written slightly differently in the file.
async function registered(p: string) {
  const unit = await buildUnit(database.db, { name: `Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah ${p}`, shortName: null });
  const partner = await buildPartner(database.db, { name: `Universitas Khairun Ternate ${p}`, categoryCode: 'perguruan_tinggi_negeri' });
  return { unit, partner };
}

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = testCtx({ db: database.db, actor: null, now: NOW });
});

afterAll(async () => {
  await database.close();
});

describe('new OPDs and partners in an import', () => {
  it('lists every new OPD and partner once, with its rows and the closest existing one first', async () => {
    const p = prefix();
    const { unit, partner } = await registered(p);
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([row(p), row(p, { nomor_pemda: `${p}/KB/02` }), row(p, { nomor_pemda: `${p}/KB/03`, opd: unit.name, mitra: partner.name })]) });
    expect(preview.issues).toEqual([]);
    expect(preview.newUnits).toHaveLength(1);
    expect(preview.newUnits[0]).toMatchObject({ name: `Badan Perencanaan Pembangunan Riset dan Inovasi Daerah ${p}`, rows: [2, 3] });
    expect(preview.newUnits[0]?.candidates[0]).toMatchObject({ id: unit.id, name: unit.name });
    expect(preview.newUnits[0]?.candidates[0]?.similarity).toBeGreaterThan(0.9);
    expect(preview.newPartners).toHaveLength(1);
    expect(preview.newPartners[0]).toMatchObject({ key: `universitas khairun ${p.toLowerCase().replace('-', ' ')}`, rows: [2, 3] });
    expect(preview.newPartners[0]?.candidates[0]).toMatchObject({ id: partner.id, name: partner.name });
  });

  it('offers nothing for a name unlike any existing one', async () => {
    const p = prefix();
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([row(p, { opd: `Zzqx ${p}`, mitra: `Qqwv ${p}` })]) });
    expect(preview.newUnits.map((name) => name.candidates)).toEqual([[]]);
    expect(preview.newPartners.map((name) => name.candidates)).toEqual([[]]);
  });

  it('compares at most IMPORT_SUGGESTION_MAX_NAMES new names, the most used first, and counts the others', async () => {
    const p = prefix();
    const { partner } = await registered(p);
    const unique = Array.from({ length: IMPORT_SUGGESTION_MAX_NAMES + 3 }, (_, index) => row(p, { nomor_pemda: `${p}/KB/U${String(index)}`, mitra: `Koperasi Nelayan ${p} Nomor ${String(index)}`, opd: 'Dinas Satu' }));
    // The misspelt university is used in the last two rows only, yet listed first: it is used most.
    const misspelt = [1, 2].map((index) => row(p, { nomor_pemda: `${p}/KB/M${String(index)}`, opd: 'Dinas Satu' }));
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([...unique, ...misspelt]) });
    expect(preview.newPartners).toHaveLength(IMPORT_SUGGESTION_MAX_NAMES);
    expect(preview.newPartners[0]).toMatchObject({ name: `Universitas Khairun ${p}`, rows: [unique.length + 2, unique.length + 3] });
    expect(preview.newPartners[0]?.candidates[0]).toMatchObject({ id: partner.id });
    // Then in the order of the file.
    expect(preview.newPartners[1]?.name).toBe(`Koperasi Nelayan ${p} Nomor 0`);
    expect(preview.otherNewNames).toEqual({ units: 0, partners: unique.length + 1 - IMPORT_SUGGESTION_MAX_NAMES });
    expect(preview.newUnits.map((name) => name.name)).toEqual(['Dinas Satu']);
  });

  it('maps every row with a chosen name to the existing OPD and partner, creating neither', async () => {
    const p = prefix();
    const { unit, partner } = await registered(p);
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([row(p), row(p, { nomor_pemda: `${p}/KB/02` })]) });
    const before = await counts();
    const choices = { units: [{ key: preview.newUnits[0]?.key ?? '', id: unit.id }], partners: [{ key: preview.newPartners[0]?.key ?? '', id: partner.id }] };
    await confirmImport(ctx, { runId: preview.id, choices });
    const run = await runImport(ctx, { runId: preview.id });
    expect(run).toMatchObject({ status: 'done', createdCount: 2 });
    expect(await counts()).toEqual({ ...before, a: (before?.a ?? 0) + 2 });
    const written = await database.db.select({ id: agreements.id }).from(agreements).where(sql`${agreements.numberOurs} LIKE ${`${p}/%`}`);
    for (const { id } of written) {
      expect(await database.db.select({ unitId: agreementUnits.unitId }).from(agreementUnits).where(eq(agreementUnits.agreementId, id))).toEqual([{ unitId: unit.id }]);
      expect(await database.db.select({ partnerId: agreementPartners.partnerId }).from(agreementPartners).where(eq(agreementPartners.agreementId, id))).toEqual([{ partnerId: partner.id }]);
    }
  });

  it('refuses a choice naming an unknown OPD or a name not in the file, and changes nothing', async () => {
    const p = prefix();
    await registered(p);
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([row(p)]) });
    const before = await counts();
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    await expect(confirmImport(ctx, { runId: preview.id, choices: { units: [{ key: preview.newUnits[0]?.key ?? '', id: unknown }], partners: [] } })).rejects.toMatchObject({ status: 400, field: 'units.0.id' });
    await expect(confirmImport(ctx, { runId: preview.id, choices: { units: [], partners: [{ key: 'bukan di berkas', id: unknown }] } })).rejects.toMatchObject({ status: 400, field: 'partners.0.key' });
    const [run] = await database.db.select().from(importRuns).where(eq(importRuns.id, preview.id));
    expect(run?.status).toBe('preview');
    expect(await counts()).toEqual(before);
  });

  it('fails the run, writing nothing, when a chosen OPD is gone before the write', async () => {
    const p = prefix();
    const spare = await buildUnit(database.db, { name: `Dinas Sementara ${p}`, shortName: null });
    const preview = await previewImport(ctx, { fileName: 'r.csv', bytes: toCsv([row(p)]) });
    await confirmImport(ctx, { runId: preview.id, choices: { units: [{ key: preview.newUnits[0]?.key ?? '', id: spare.id }], partners: [] } });
    await database.db.execute(sql`DELETE FROM units WHERE id = ${spare.id}`);
    const run = await runImport(ctx, { runId: preview.id });
    expect(run.status).toBe('failed');
    expect(run.issues[0]).toMatchObject({ row: 0, column: 'opd' });
    expect(await database.db.select().from(agreements).where(eq(agreements.numberOurs, `${p}/KB/01`))).toEqual([]);
  });
});
