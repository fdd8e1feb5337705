import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPdf } from '../../tests/support/pdf-fixtures';
import { runCli } from '../../tests/support/server-process';
import { createEmptyPostgres, TEST_DB_KIND } from '../../tests/support/test-db';
import { toCsv } from './lib/sheet-files';

// `npm run jalin -- intake DIR` and `extract FILE --json` as a person runs them: a separate process
// on a register imported from CSV into a fresh PGlite directory (or a throwaway PostgreSQL database).

function scanText(numbers: string[], title: string, date: string): string {
  return ['PERJANJIAN KERJA SAMA', 'ANTARA', 'PEMERINTAH KOTA TERNATE', 'DENGAN', 'UNIVERSITAS KHAIRUN', `TENTANG ${title}`, '', ...numbers.map((number) => `Nomor: ${number}`), '', `Pada hari ini tanggal ${date} para pihak sepakat.`].join('\n');
}

describe('jalin intake and extract', () => {
  const target = { dir: '', url: '' };
  let scans = '';
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    target.dir = mkdtempSync(path.join(tmpdir(), 'jalin-intake-'));
    if (TEST_DB_KIND === 'postgres') {
      const empty = await createEmptyPostgres();
      target.url = empty.url;
      drop = empty.drop;
    }
    const csv = path.join(target.dir, 'register.csv');
    const register = { nomor_pemda: '12/PKS/2024', judul: 'Pengembangan Sumber Daya Manusia', jenis_dokumen: 'PKS', jenis_kerja_sama: 'KSDPL', mitra: 'Universitas Khairun', kategori_mitra: 'perguruan_tinggi_negeri', bidang: 'pendidikan', opd: 'Diskop-UKM', tanggal_ttd: '01/03/2024' };
    writeFileSync(csv, toCsv([register]));
    const imported = await runCli(['import', csv], target);
    expect(imported.code, imported.stderr).toBe(0);
    scans = path.join(target.dir, 'rak');
    mkdirSync(scans);
    writeFileSync(path.join(scans, 'pks-12.pdf'), await makeTextPdf([scanText(['I2 / pks / 2O24', '45/UNKHAIR/2024'], 'Pengembangan Sumber Daya Manusia', '01-03-2024')]));
    writeFileSync(path.join(scans, 'baru.pdf'), await makeTextPdf([scanText(['99/PKS/2025'], 'Pengelolaan Sampah Pesisir', '02-02-2025')]));
    writeFileSync(path.join(scans, 'catatan.txt'), 'bukan pindaian');
  }, 180_000);

  afterAll(async () => {
    rmSync(target.dir, { recursive: true, force: true });
    await drop?.();
  });

  it('extract --json prints the proposed fields, confidences, pages and whether OCR ran', async () => {
    const run = await runCli(['extract', path.join(scans, 'pks-12.pdf'), '--json'], target);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['fields', 'confidence', 'pages', 'ocr']);
    expect(Object.keys(result.fields as object)).toEqual(['kind', 'nomorPemda', 'nomorMitra', 'title', 'signedOn', 'startsOn', 'endsOn', 'parties']);
    expect(result).toMatchObject({ fields: { kind: 'PKS', signedOn: '2024-03-01' }, pages: 1, ocr: false });
    // The number as written on the scan; matching, not extraction, reads its look-alikes.
    expect((result.fields as { nomorPemda: string }).nomorPemda).toMatch(/^I2\s*\/\s*pks\s*\/\s*2O24$/);
  }, 60_000);

  it('intake DIR --dry-run --json matches a look-alike number, proposes the unknown one, and writes nothing', async () => {
    const run = await runCli(['intake', scans, '--dry-run', '--json'], target);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { dryRun: boolean; files: { fileName: string; match: { numberOurs: string } | null; agrees: boolean; conflicts: unknown[] }[] };
    expect(result.dryRun).toBe(true);
    expect(result.files.map((file) => file.fileName)).toEqual(['baru.pdf', 'pks-12.pdf']);
    expect(result.files[1]).toMatchObject({ match: { numberOurs: '12/PKS/2024' }, conflicts: [], agrees: true });
    expect(result.files[0]).toMatchObject({ match: null, agrees: false });
    const again = await runCli(['intake', scans, '--json'], target);
    expect(again.code, again.stderr).toBe(0);
    // Nothing was written by the dry run: the real run still finds both files to read, attaches the agreeing one.
    expect(JSON.parse(again.stdout)).toMatchObject({ dryRun: false, accepted: 1 });
  }, 120_000);
});
