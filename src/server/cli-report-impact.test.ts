import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, xlsxSheets } from '../../tests/support/report-files';
import { runCli, type ProcessRun } from '../../tests/support/server-process';
import { TEST_DB_KIND } from '../../tests/support/test-db';
import type { StatsResponse } from '../shared/stats';
import { toCsv, type SheetRow } from './lib/sheet-files';

// `report impact` as a person runs it, on a register imported from a file: a separate process
// against a fresh PGlite data directory, or a throwaway PostgreSQL database on PostgreSQL.

type Run = ProcessRun;

function serverUrl(database: string): string {
  // eslint-disable-next-line no-restricted-syntax -- the test harness's own server, not a Jalin setting
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(query: string) {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  await client.query(query);
  await client.end();
}

const PARTNERS = {
  pemerintah: { mitra: 'Pemerintah Kabupaten Halmahera Uji', kategori_mitra: 'pemerintah_kabupaten_kota' },
  swasta: { mitra: 'PT Pasar Daring Uji', kategori_mitra: 'swasta' },
  bumn_bumd: { mitra: 'PT Bank Daerah Uji', kategori_mitra: 'bumd' },
} as const;
const GROUP_NAMES: Record<string, string> = { pemerintah: 'Instansi Pemerintah', swasta: 'Swasta', bumn_bumd: 'BUMN/BUMD' };
const SECTOR_NAMES: Record<string, string> = {
  umkm_koperasi: 'UMKM dan Koperasi',
  pendidikan: 'Pendidikan',
  kesehatan: 'Kesehatan',
  pendapatan_daerah: 'Pendapatan Daerah (pajak dan retribusi)',
};

// [year, partner group, sector] per agreement: 2020 led by government and UMKM, 2021 by the private
// sector and UMKM, 2022 by government with education and regional revenue tied.
const REGISTER: [number, keyof typeof PARTNERS, string][] = [
  [2020, 'pemerintah', 'umkm_koperasi'],
  [2020, 'pemerintah', 'umkm_koperasi'],
  [2020, 'pemerintah', 'pendidikan'],
  [2020, 'swasta', 'kesehatan'],
  [2021, 'swasta', 'umkm_koperasi'],
  [2021, 'swasta', 'umkm_koperasi'],
  [2021, 'swasta', 'umkm_koperasi'],
  [2021, 'pemerintah', 'pendidikan'],
  [2021, 'bumn_bumd', 'pendidikan'],
  [2022, 'pemerintah', 'pendidikan'],
  [2022, 'pemerintah', 'pendapatan_daerah'],
  [2022, 'pemerintah', 'pendidikan'],
  [2022, 'swasta', 'pendapatan_daerah'],
  [2022, 'swasta', 'kesehatan'],
];

function registerRows(): SheetRow[] {
  return REGISTER.map(([year, group, sector], index) => ({
    nomor_pemda: `KAJIAN/${String(index + 1).padStart(3, '0')}/${String(year)}`,
    judul: `Kesepakatan Bersama Kajian ${String(index + 1)}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    ...PARTNERS[group],
    bidang: sector,
    opd: 'Diskop-UKM',
    tanggal_ttd: `${String(10 + (index % 15))}/0${String(1 + (index % 9))}/${String(year)}`,
  }));
}

describe('jalin report impact', () => {
  let dir: string;
  let database: string | null = null;
  let databaseUrl = '';

  function jalin(args: string[]): Promise<Run> {
    return runCli(args, { dir, url: databaseUrl }, { JALIN_ADMIN_PASSWORD: '' });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jalin-impact-cli-'));
    if (TEST_DB_KIND === 'postgres') {
      database = `jalin_cli_${randomBytes(6).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${database}`);
      databaseUrl = serverUrl(database);
    }
    const csv = path.join(dir, 'register.csv');
    writeFileSync(csv, toCsv(registerRows()));
    const run = await jalin(['import', csv]);
    if (run.code !== 0) throw new Error(`import failed: ${run.stdout}\n${run.stderr}`);
  }, 180_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (database) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('writes a workbook whose "Ringkasan" sheet has the statistics\' total for every year', async () => {
    const stats = await jalin(['stats', '--from', '2020', '--to', '2022', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    const expected = (JSON.parse(stats.stdout) as StatsResponse).years.map((year) => [year.year, year.total]);
    expect(expected).toEqual([[2020, 4], [2021, 5], [2022, 5]]);
    const out = path.join(dir, 'kajian.xlsx');
    const run = await jalin(['report', 'impact', '--from', '2020', '--to', '2022', '--format', 'xlsx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('kajian.xlsx');
    const sheets = await xlsxSheets(readFileSync(out));
    expect(sheets[0]?.name).toBe('Ringkasan');
    const [head, ...rows] = sheets[0]?.rows ?? [];
    const year = head?.indexOf('Tahun') ?? -1;
    const total = head?.indexOf('Jumlah') ?? -1;
    expect([year, total].every((index) => index >= 0)).toBe(true);
    expect(rows.map((row) => [row[year], row[total]])).toEqual(expected);
  }, 180_000);

  it('writes a PDF whose narrative names for each year the total, the largest partner group and the largest sector(s) with their counts', async () => {
    const stats = (JSON.parse((await jalin(['stats', '--from', '2020', '--to', '2022', '--json'])).stdout) as StatsResponse).years;
    const run = await jalin(['report', 'impact', '--from', '2020', '--to', '2022', '--format', 'pdf', '--out', 'kajian.pdf']);
    expect(run.code, run.stderr).toBe(0);
    const text = (await pdfText(readFileSync(path.join(process.cwd(), 'kajian.pdf'))))
      // Lines may break after a hyphen ("masing-" / "masing"); the words are read back whole.
      .text.replace(/\s+/g, ' ')
      .replace(/- /g, '-');
    rmSync(path.join(process.cwd(), 'kajian.pdf'));
    for (const year of stats) {
      const group = year.largestPartnerGroup.map((code) => GROUP_NAMES[code] ?? code);
      const sectors = year.largestSector.map((code) => `bidang ${SECTOR_NAMES[code] ?? code}`);
      const sectorCount = year.bySector[year.largestSector[0] ?? ''] ?? 0;
      expect(text).toContain(`Pada tahun ${String(year.year)} jumlah kerja sama sebanyak ${String(year.total)} dokumen.`);
      expect(text).toContain(`Kerja sama tertinggi dengan ${group.join(' dan ')} sebanyak ${String(year.byPartnerGroup[year.largestPartnerGroup[0] ?? ''])} dokumen.`);
      const named = sectors.length > 1 ? `${sectors.join(' dan ')} masing-masing ${String(sectorCount)} dokumen` : `${sectors[0] ?? ''} sebanyak ${String(sectorCount)} dokumen`;
      expect(text).toContain(named);
    }
    // The tie of 2022, spelled out.
    expect(text).toContain('bidang Pendidikan dan bidang Pendapatan Daerah (pajak dan retribusi) masing-masing 2 dokumen');
  }, 180_000);

  it('refuses a format it does not write and a reversed range, in one line', async () => {
    for (const args of [['report', 'impact', '--from', '2020', '--to', '2022', '--format', 'csv'], ['report', 'impact', '--from', '2022', '--to', '2020', '--format', 'pdf']]) {
      const run = await jalin(args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  }, 120_000);
});
