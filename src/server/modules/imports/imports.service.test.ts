import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildPartner } from '../../../../tests/support/registry-builders';
import { createTestDatabase } from '../../../../tests/support/test-db';
import type { Database } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agreementPartners, agreementSectors, agreementUnits, agreements } from '../agreements/agreements.table';
import { auditLog } from '../audit/audit.table';
import { partners } from '../partners/partners.table';
import { units } from '../units/units.table';
import { toCsv, toXlsx, type SheetRow } from '../../lib/sheet-files';
import { confirmImport, importFile, previewImport, runImport } from './imports.service';
import { testCtx } from '../../../../tests/support/test-ctx';

let database: Database;
let ctx: Ctx;
let seq = 0;
const NOW = new Date('2026-06-15T03:00:00Z');

// Each test uses its own numbers and names so that the tests do not see each other's rows.
function prefix(): string {
  seq += 1;
  return `T${seq}-${Date.now().toString(36)}`;
}

function row(p: string, overrides: Partial<SheetRow> = {}): SheetRow {
  return {
    nomor_pemda: `${p}/KB/01`,
    nomor_mitra: `${p}/MITRA/01`,
    judul: `Kesepakatan Bersama Pemberdayaan UMKM ${p}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: `PT Bank Uji ${p}`,
    kategori_mitra: 'bumn',
    bidang: 'umkm_koperasi',
    opd: `Dinas Koperasi Uji ${p}`,
    tanggal_ttd: '2021-03-15',
    tanggal_mulai: '2021-03-15',
    tanggal_berakhir: '2026-03-14',
    ruang_lingkup: 'Pembiayaan UMKM dan digitalisasi pembayaran retribusi pasar.',
    induk: '',
    nilai: '1.500.000',
    ...overrides,
  };
}

async function importRows(rows: SheetRow[], bytes?: Buffer) {
  return importFile(ctx, { fileName: 'register.csv', bytes: bytes ?? toCsv(rows), dryRun: false });
}

async function byNumber(number: string) {
  const [found] = await database.db.select().from(agreements).where(eq(agreements.numberOurs, number));
  return found;
}

async function countAll() {
  const result: unknown = await database.db.execute(sql`SELECT
    (SELECT count(*)::int FROM agreements) AS a, (SELECT count(*)::int FROM partners) AS p, (SELECT count(*)::int FROM units) AS u`);
  return (result as { rows: { a: number; p: number; u: number }[] }).rows[0];
}

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = testCtx({ db: database.db, actor: null, now: NOW });
});

afterAll(async () => {
  await database.close();
});

describe('importing a register file', () => {
  it('creates agreements with partners, OPDs, sectors, primary category, search vector and audit from a CSV', async () => {
    const p = prefix();
    const result = await importRows([
      row(p, { mitra: `PT Bank Uji ${p}; Universitas Uji ${p}`, kategori_mitra: 'bumn; perguruan_tinggi_negeri', bidang: 'umkm_koperasi; Pendidikan', opd: `Dinas Koperasi Uji ${p}; Dinas Pendidikan Uji ${p}` }),
    ]);
    expect(result.run).toMatchObject({ status: 'done', createdCount: 1, updatedCount: 0, unchangedCount: 0, doneRows: 1 });
    const agreement = await byNumber(`${p}/KB/01`);
    expect(agreement).toMatchObject({ docType: 'KB', kind: 'KSDPK', valueIdr: '1500000', primaryCategoryCode: 'bumn', primarySectorCode: 'umkm_koperasi', signedOn: '2021-03-15' });
    const links = await database.db.select({ name: partners.name, position: agreementPartners.position }).from(agreementPartners).innerJoin(partners, eq(partners.id, agreementPartners.partnerId)).where(eq(agreementPartners.agreementId, agreement!.id));
    expect(links.sort((a, b) => a.position - b.position).map((link) => link.name)).toEqual([`PT Bank Uji ${p}`, `Universitas Uji ${p}`]);
    const unitLinks = await database.db.select({ name: units.name, isLead: agreementUnits.isLead }).from(agreementUnits).innerJoin(units, eq(units.id, agreementUnits.unitId)).where(eq(agreementUnits.agreementId, agreement!.id));
    expect(unitLinks).toContainEqual({ name: `Dinas Koperasi Uji ${p}`, isLead: true });
    expect(unitLinks).toContainEqual({ name: `Dinas Pendidikan Uji ${p}`, isLead: false });
    const sectorLinks = await database.db.select().from(agreementSectors).where(eq(agreementSectors.agreementId, agreement!.id));
    expect(sectorLinks.map((link) => link.sectorCode).sort()).toEqual(['pendidikan', 'umkm_koperasi']);
    expect(agreement!.searchVector).toContain('bank');
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'agreement'), eq(auditLog.entityId, agreement!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.action).toBe('import');
    const runAudit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'import_run'), eq(auditLog.entityId, result.run!.id), eq(auditLog.action, 'import')));
    expect(runAudit).toHaveLength(1);
  });

  it('writes each new agreement\'s search vector as the search refresh would, partners in their order', async () => {
    const p = prefix();
    await buildPartner(database.db, { name: `Universitas Khairun Uji ${p}`, categoryCode: 'perguruan_tinggi_negeri' });
    const result = await importRows([
      row(p, { mitra: `PT Bank Uji ${p}; Universitas Khairun Uji ${p}`, kategori_mitra: 'bumn; perguruan_tinggi_negeri' }),
      row(p, { nomor_pemda: `${p}/KB/02`, nomor_mitra: '', ruang_lingkup: '', mitra: `Universitas Khairun Uji ${p}`, kategori_mitra: 'perguruan_tinggi_negeri' }),
    ]);
    expect(result.run?.createdCount).toBe(2);
    const imported = await database.db.select({ id: agreements.id, vector: agreements.searchVector }).from(agreements).where(inArray(agreements.numberOurs, [`${p}/KB/01`, `${p}/KB/02`]));
    expect(imported.every((agreement) => agreement.vector?.includes('khairun'))).toBe(true);
    await database.db.execute(sql`SELECT jalin_refresh_agreement_search(${sql.param(imported.map((agreement) => agreement.id))}::uuid[])`);
    const refreshed = await database.db.select({ id: agreements.id, vector: agreements.searchVector }).from(agreements).where(inArray(agreements.id, imported.map((agreement) => agreement.id)));
    expect(new Map(refreshed.map((agreement) => [agreement.id, agreement.vector]))).toEqual(new Map(imported.map((agreement) => [agreement.id, agreement.vector])));
    const searchRows: unknown = await database.db.execute(sql`SELECT count(*)::int AS n FROM agreement_search s JOIN agreements a ON a.id = s.agreement_id
      WHERE a.id = ANY(${sql.param(imported.map((agreement) => agreement.id))}::uuid[]) AND s.search_vector = a.search_vector`);
    expect((searchRows as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
  });

  it('reads an XLSX with columns in another order, capitalised headers, real date cells and numeric values', async () => {
    const p = prefix();
    const source = row(p, { tanggal_ttd: new Date(Date.UTC(2022, 1, 3)), tanggal_mulai: '03/02/2022', tanggal_berakhir: new Date(Date.UTC(2025, 1, 2)), nilai: 2500000, jenis_dokumen: 'pks' });
    const headers = Object.keys(source).reverse();
    const renamed = Object.fromEntries(headers.map((header) => [` ${header.toUpperCase()} `, source[header] ?? null]));
    const result = await importRows([], await toXlsx([renamed]));
    expect(result.run?.status).toBe('done');
    expect(await byNumber(`${p}/KB/01`)).toMatchObject({ docType: 'PKS', signedOn: '2022-02-03', startsOn: '2022-02-03', endsOn: '2025-02-02', valueIdr: '2500000' });
  });

  it('reads a semicolon-separated CSV with a UTF-8 BOM, quoted cells and DD/MM/YYYY dates', async () => {
    const p = prefix();
    const body = toCsv([row(p, { judul: `Kerja Sama "Ternate; Kota Rempah" ${p}`, tanggal_ttd: '5/1/2023', tanggal_mulai: '05/01/2023', tanggal_berakhir: '04/01/2026' })], { delimiter: ';' });
    const result = await importRows([], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    expect(result.run?.status).toBe('done');
    expect(await byNumber(`${p}/KB/01`)).toMatchObject({ title: `Kerja Sama "Ternate; Kota Rempah" ${p}`, signedOn: '2023-01-05', endsOn: '2026-01-04' });
  });

  it('changes nothing when the same file is imported twice', async () => {
    const p = prefix();
    const rows = [row(p), row(p, { nomor_pemda: `${p}/PKS/02`, jenis_dokumen: 'PKS', induk: `${p}/KB/01` })];
    await importRows(rows);
    const before = await byNumber(`${p}/PKS/02`);
    const auditsBefore = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'agreement'));
    const again = await importRows(rows);
    expect(again.preview).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
    expect(again.run).toMatchObject({ status: 'done', createdCount: 0, updatedCount: 0, unchangedCount: 2 });
    expect(await byNumber(`${p}/PKS/02`)).toEqual(before);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.entity, 'agreement'))).toHaveLength(auditsBefore.length);
  });

  it('updates an edited row, bumps its version and audits each changed field', async () => {
    const p = prefix();
    await importRows([row(p)]);
    const before = await byNumber(`${p}/KB/01`);
    const result = await importRows([row(p, { judul: `Kesepakatan Bersama yang Diperbarui ${p}`, tanggal_berakhir: '2025-12-31', opd: `  DINAS   koperasi UJI ${p} ` })]);
    expect(result.preview).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 0 });
    const after = await byNumber(`${p}/KB/01`);
    expect(after).toMatchObject({ title: `Kesepakatan Bersama yang Diperbarui ${p}`, endsOn: '2025-12-31', version: before!.version + 1 });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, after!.id), eq(auditLog.action, 'import')));
    const last = audits.sort((a, b) => b.id - a.id)[0];
    expect(last?.changes).toEqual([
      { field: 'title', old: `Kesepakatan Bersama Pemberdayaan UMKM ${p}`, new: `Kesepakatan Bersama yang Diperbarui ${p}` },
      { field: 'endsOn', old: '2026-03-14', new: '2025-12-31' },
    ]);
  });

  it('links a PKS to its KB by induk, earlier in the file or already registered', async () => {
    const p = prefix();
    await importRows([row(p)]);
    const result = await importRows([
      row(p, { nomor_pemda: `${p}/KB/02`, mitra: `Pemerintah Kota Uji ${p}`, kategori_mitra: 'pemerintah_kabupaten_kota', jenis_kerja_sama: 'KSDD' }),
      row(p, { nomor_pemda: `${p}/PKS/03`, jenis_dokumen: 'PKS', induk: `${p}/KB/02`, mitra: `Pemerintah Kota Uji ${p}`, kategori_mitra: 'pemerintah_kabupaten_kota', jenis_kerja_sama: 'KSDD', jenis_ksdd: 'wajib' }),
      row(p, { nomor_pemda: `${p}/PKS/04`, jenis_dokumen: 'PKS', induk: `${p}/KB/01` }),
    ]);
    expect(result.run?.status).toBe('done');
    const kb = await byNumber(`${p}/KB/02`);
    expect(kb).toMatchObject({ ksddMode: 'sukarela', primaryCategoryCode: 'pemerintah_kabupaten_kota' });
    expect(await byNumber(`${p}/PKS/03`)).toMatchObject({ parentId: kb!.id, ksddMode: 'wajib' });
    expect((await byNumber(`${p}/PKS/04`))?.parentId).toBe((await byNumber(`${p}/KB/01`))?.id);
  });

  it('imports a PKS without induk, recording that it came without its KB instead of refusing it', async () => {
    const p = prefix();
    const result = await importRows([row(p, { nomor_pemda: `${p}/PKS/09`, jenis_dokumen: 'PKS' }), row(p)]);
    expect(result.run?.status).toBe('done');
    expect(await byNumber(`${p}/PKS/09`)).toMatchObject({ parentId: null, noParentReason: 'Diimpor tanpa KB' });
    expect(await byNumber(`${p}/KB/01`)).toMatchObject({ noParentReason: null });
  });

  it('matches a number however it is typed: a re-import of var-1/a updates VAR-1/A and keeps its number', async () => {
    const p = prefix();
    await importRows([row(p, { nomor_pemda: `VAR-1/A/${p}` })]);
    const original = await byNumber(`VAR-1/A/${p}`);
    const counts = await countAll();
    const variants = [`var-1/a/${p}`, `VAR-1 / A/${p}`, `VAR-1/\u200BA/${p}`, `VAR-1/\u0410/${p}`];
    for (const [index, variant] of variants.entries()) {
      const result = await importRows([row(p, { nomor_pemda: variant, judul: `Kesepakatan Bersama yang diubah ${index} ${p}` })]);
      expect(result.run, variant).toMatchObject({ createdCount: 0, updatedCount: 1 });
    }
    expect(await countAll()).toEqual(counts);
    expect(await byNumber(`VAR-1/A/${p}`)).toMatchObject({ id: original!.id, title: `Kesepakatan Bersama yang diubah 3 ${p}`, version: 5 });
  });

  it('finds a parent named by its number typed differently, and a parent listed below its child', async () => {
    const p = prefix();
    const result = await importRows([
      row(p, { nomor_pemda: `${p}/PKS/01`, jenis_dokumen: 'PKS', induk: `${p.toLowerCase()} / kb / 01` }),
      row(p, { nomor_pemda: `${p}/KB/01` }),
    ]);
    expect(result.preview.issues).toEqual([]);
    expect((await byNumber(`${p}/PKS/01`))?.parentId).toBe((await byNumber(`${p}/KB/01`))?.id);
  });

  it('refuses one file holding the same number twice in two spellings', async () => {
    const p = prefix();
    const result = await importRows([row(p, { nomor_pemda: `DUA/${p}` }), row(p, { nomor_pemda: `dua / ${p.toLowerCase()}` })]);
    expect(result.run).toBeNull();
    expect(result.preview.issues).toEqual([{ row: 3, column: 'nomor_pemda', message: expect.stringContaining('baris 2') }]);
  });

  it('matches existing partners by normalised name and existing OPDs by name or short name, whatever the case', async () => {
    const p = prefix();
    const partner = await buildPartner(database.db, { name: `PT. Bank Maluku Uji ${p}, Tbk`, categoryCode: 'bumd' });
    const unit = await buildUnit(database.db, { name: `Badan Pendapatan Uji ${p}`, shortName: `Bapenda-${p}` });
    const counts = await countAll();
    await importRows([row(p, { mitra: `pt bank maluku uji ${p} tbk`, kategori_mitra: 'BUMD', opd: `bapenda-${p.toLowerCase()}`, bidang: 'PENDAPATAN DAERAH (pajak dan retribusi)' })]);
    const agreement = await byNumber(`${p}/KB/01`);
    const [link] = await database.db.select().from(agreementPartners).where(eq(agreementPartners.agreementId, agreement!.id));
    expect(link?.partnerId).toBe(partner.id);
    const [unitLink] = await database.db.select().from(agreementUnits).where(eq(agreementUnits.agreementId, agreement!.id));
    expect(unitLink?.unitId).toBe(unit.id);
    expect(agreement?.primarySectorCode).toBe('pendapatan_daerah');
    expect(await countAll()).toEqual({ ...counts, a: counts!.a + 1 });
  });

  it('accepts a term above the maximum only with alasan_jangka_panjang', async () => {
    const p = prefix();
    const long = { tanggal_mulai: '2024-01-01', tanggal_berakhir: '2043-12-31' };
    const refused = await importRows([row(p, long)]);
    expect(refused.preview.issues).toEqual([{ row: 2, column: 'tanggal_berakhir', message: expect.stringContaining('alasan_jangka_panjang') }]);
    const accepted = await importRows([row(p, { ...long, alasan_jangka_panjang: 'Pemanfaatan barang milik daerah berupa lahan terminal' })]);
    expect(accepted.run?.status).toBe('done');
  });

  it('writes nothing on a dry run', async () => {
    const p = prefix();
    const counts = await countAll();
    const result = await importFile(ctx, { fileName: 'x.csv', bytes: toCsv([row(p)]), dryRun: true });
    expect(result).toMatchObject({ preview: { id: null, toCreate: 1 }, run: null });
    expect(await countAll()).toEqual(counts);
  });
});

describe('rejecting a bad register file', () => {
  it('reports every bad row with its row number and column, and writes nothing', async () => {
    const p = prefix();
    const existing = await buildPartner(database.db, { name: `CV Mitra Tetap ${p}`, categoryCode: 'swasta' });
    await importRows([row(p, { nomor_pemda: `${p}/OLD` })]);
    const counts = await countAll();
    const rows = [
      row(p),
      row(p, { nomor_pemda: `${p}/2`, jenis_dokumen: 'MOU', jenis_kerja_sama: 'KERJASAMA' }),
      row(p, { nomor_pemda: `${p}/3`, tanggal_ttd: '31/02/2021', tanggal_mulai: '2021-13-01', nilai: '1.500.000,50' }),
      row(p, { nomor_pemda: `${p}/4`, tanggal_mulai: '2022-01-01', tanggal_berakhir: '2021-01-01' }),
      row(p, { nomor_pemda: `${p}/5`, mitra: `PT A ${p}; PT B ${p}`, kategori_mitra: 'swasta', bidang: 'antariksa' }),
      row(p, { nomor_pemda: `${p}/6`, kategori_mitra: 'planet', judul: '' }),
      row(p, { nomor_pemda: `${p}/KB/01` }),
      row(p, { nomor_pemda: `${p}/8`, induk: `${p}/TIDAK-ADA`, jenis_ksdd: 'wajib' }),
      row(p, { nomor_pemda: `${p}/9`, mitra: existing.name, kategori_mitra: 'bumn', tanggal_berakhir: '2030-01-01' }),
      row(p, { nomor_pemda: `${p}/10`, induk: `${p}/11` }),
      row(p, { nomor_pemda: `${p}/11`, judul: 'KB' }),
    ];
    const result = await importRows(rows);
    expect(result.run).toBeNull();
    const at = (rowNumber: number) => result.preview.issues.filter((issue) => issue.row === rowNumber).map((issue) => issue.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['jenis_dokumen', 'jenis_kerja_sama']);
    expect(at(4)).toEqual(['tanggal_ttd', 'tanggal_mulai', 'nilai']);
    expect(at(5)).toEqual(['tanggal_berakhir']);
    expect(at(6)).toEqual(['kategori_mitra', 'bidang']);
    expect(at(7)).toEqual(['judul', 'kategori_mitra']);
    expect(at(8)).toEqual(['nomor_pemda']);
    expect(at(9)).toEqual(['jenis_ksdd', 'induk']);
    expect(at(10)).toEqual(['tanggal_berakhir', 'kategori_mitra']);
    expect(at(11)).toEqual(['induk']);
    expect(at(12)).toEqual(['judul']);
    expect(result.preview.issues.find((issue) => issue.row === 8)?.message).toContain('baris 2');
    expect(await countAll()).toEqual(counts);
  });

  it('applies the registry parent rules: PKS under a KB or NK, an adendum names its document, no cycles', async () => {
    const p = prefix();
    await importRows([row(p, { nomor_pemda: `${p}/K` }), row(p, { nomor_pemda: `${p}/P`, jenis_dokumen: 'PKS', induk: `${p}/K` })]);
    const result = await importRows([
      row(p, { nomor_pemda: `${p}/KB` }),
      row(p, { nomor_pemda: `${p}/NK`, jenis_dokumen: 'NK', jenis_kerja_sama: 'SINERGI', induk: `${p}/KB` }),
      row(p, { nomor_pemda: `${p}/ADD`, jenis_dokumen: 'ADENDUM' }),
      row(p, { nomor_pemda: `${p}/PKS`, jenis_dokumen: 'PKS', induk: `${p}/KB` }),
      row(p, { nomor_pemda: `${p}/PKS2`, jenis_dokumen: 'PKS', induk: `${p}/PKS` }),
      row(p, { nomor_pemda: `${p}/ADD2`, jenis_dokumen: 'ADENDUM', induk: `${p}/PKS` }),
      row(p, { nomor_pemda: `${p}/ADD3`, jenis_dokumen: 'ADENDUM', induk: `${p}/ADD2` }),
      row(p, { nomor_pemda: `${p}/K`, jenis_dokumen: 'ADENDUM', induk: `${p}/P` }),
    ]);
    expect(result.preview.issues.map((issue) => [issue.row, issue.column, issue.message.split(' / ')[0]])).toEqual([
      [3, 'induk', 'KB dan NK tidak memiliki induk'],
      [4, 'induk', 'adendum harus menyebut naskah yang diubahnya'],
      [6, 'induk', 'induk PKS harus KB atau NK, bukan PKS'],
      [8, 'induk', 'adendum mengubah KB, PKS atau NK, bukan adendum lain'],
      [9, 'induk', 'hubungan induk ini membentuk lingkaran'],
    ]);
  });

  it('keeps a preview with issues from being confirmed', async () => {
    const p = prefix();
    const preview = await previewImport(ctx, { fileName: 'bad.csv', bytes: toCsv([row(p, { jenis_dokumen: 'X' })]) });
    expect(preview.issues).toHaveLength(1);
    await expect(confirmImport(ctx, { runId: preview.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('fails the run and writes nothing when the registry changed since the preview', async () => {
    const p = prefix();
    const preview = await previewImport(ctx, { fileName: 'late.csv', bytes: toCsv([row(p), row(p, { nomor_pemda: `${p}/2` })]) });
    expect(preview.issues).toEqual([]);
    await buildPartner(database.db, { name: `PT Bank Uji ${p}`, categoryCode: 'swasta' });
    await confirmImport(ctx, { runId: preview.id });
    const run = await runImport(ctx, { runId: preview.id });
    expect(run.status).toBe('failed');
    expect(run.issues.map((issue) => [issue.row, issue.column])).toEqual([[2, 'kategori_mitra'], [3, 'kategori_mitra']]);
    expect(await byNumber(`${p}/KB/01`)).toBeUndefined();
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a header without rows', Buffer.from('nomor_pemda,judul,jenis_dokumen,jenis_kerja_sama,mitra,kategori_mitra,bidang,opd\r\n'), 'empty'],
    ['a file in Latin-1', Buffer.from('nomor_pemda,judul\r\n1,Kerja sama d\xe9mo\r\n', 'latin1'), 'encoding'],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), 'format'],
    ['a broken XLSX', Buffer.from('PK\x03\x04garbage', 'latin1'), 'format'],
  ])('refuses %s with a clear 400 naming the problem', async (_name, bytes, reason) => {
    const error = await previewImport(ctx, { fileName: 'x', bytes }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_FILE', status: 400, field: 'file', details: { reason } });
  });

  it('names the missing required columns', async () => {
    const error = await previewImport(ctx, { fileName: 'x.csv', bytes: Buffer.from('nomor_pemda;judul;mitra;kategori_mitra;bidang\n1;Uji coba;PT X;swasta;pendidikan\n') }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'BAD_FILE', field: 'jenis_dokumen', details: { reason: 'headers' } });
    expect((error as AppError).message).toContain('jenis_dokumen, jenis_kerja_sama, opd');
  });

  it('refuses a signed-in user who is not admin', async () => {
    const p = prefix();
    const tkksd = testCtx({ db: database.db, now: NOW, actor: { id: '00000000-0000-4000-8000-000000000001', email: 't@x.id', name: 'T', role: 'tkksd' as const, unitId: null } });
    await expect(previewImport(tkksd, { fileName: 'x.csv', bytes: toCsv([row(p)]) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await database.db.select().from(agreements).where(inArray(agreements.numberOurs, [`${p}/KB/01`]))).toEqual([]);
  });
});
