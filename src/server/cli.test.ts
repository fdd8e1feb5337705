import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ProcessRun } from '../../tests/support/server-process';
import { TEST_DB_KIND } from '../../tests/support/test-db';
import type { StatsResponse } from '../shared/stats';
import { toCsv, type SheetRow } from './lib/sheet-files';
import type { ImportFileResult } from './modules/imports/imports.service';

// The command line as a person runs it: a separate process against a fresh PGlite data
// directory, or a throwaway PostgreSQL database when the suite runs on PostgreSQL.

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

function row(number: string, overrides: Partial<SheetRow> = {}): SheetRow {
  return {
    nomor_pemda: number,
    judul: `Kesepakatan Bersama Pemasaran Produk UMKM ${number}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: 'PT Pasar Daring Uji',
    kategori_mitra: 'swasta',
    bidang: 'umkm_koperasi',
    opd: 'Diskop-UKM',
    tanggal_ttd: '15/03/2021',
    ...overrides,
  };
}

describe('jalin command line', () => {
  const dirs: string[] = [];
  let dataDir: string;
  let databases: string[] = [];
  let databaseUrl = '';

  async function freshTarget(): Promise<{ dir: string; url: string }> {
    const dir = mkdtempSync(path.join(tmpdir(), 'jalin-cli-'));
    dirs.push(dir);
    if (TEST_DB_KIND !== 'postgres') return { dir, url: '' };
    const name = `jalin_cli_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    databases.push(name);
    return { dir, url: serverUrl(name) };
  }

  function jalin(args: string[], target = { dir: dataDir, url: databaseUrl }): Promise<Run> {
    return runCli(args, target, { JALIN_ADMIN_PASSWORD: '' });
  }

  function file(name: string, bytes: Buffer): string {
    const target = path.join(dataDir, name);
    writeFileSync(target, bytes);
    return target;
  }

  beforeAll(async () => {
    const target = await freshTarget();
    dataDir = target.dir;
    databaseUrl = target.url;
  });

  afterAll(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    for (const name of databases) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    databases = [];
  });

  it('applies the migrations', async () => {
    const run = await jalin(['migrate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/migrations applied \((pglite|postgres)\)/);
  }, 120_000);

  it('checks a register without writing on --dry-run, printing only JSON with --json', async () => {
    const csv = file('register.csv', toCsv([row('CLI/001'), row('CLI/002', { jenis_dokumen: 'PKS', induk: 'CLI/001' })]));
    const dry = await jalin(['import', csv, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ preview: { id: null, totalRows: 2, toCreate: 2, issues: [] }, run: null });
    const stats = await jalin(['stats', '--from', '2021', '--to', '2021', '--json']);
    expect(JSON.parse(stats.stdout).years[0].total).toBe(0);
  }, 120_000);

  it('imports a register and then reports its statistics', async () => {
    const csv = file('register.csv', toCsv([row('CLI/001'), row('CLI/002', { jenis_dokumen: 'PKS', induk: 'CLI/001' })]));
    const run = await jalin(['import', csv]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 dibuat, 0 diubah, 0 tetap');
    const stats = await jalin(['stats', '--from', '2021', '--to', '2021', '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ from: 2021, to: 2021, years: [{ year: 2021, total: 2, largestPartnerGroup: ['swasta'] }] });
  }, 120_000);

  it('exits 1 with every row error when the file is invalid, and writes nothing', async () => {
    const csv = file('bad.csv', toCsv([row('CLI/101'), row('CLI/102', { tanggal_ttd: '31/02/2021', kategori_mitra: 'planet' })]));
    const run = await jalin(['import', csv, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ImportFileResult;
    expect(report.preview.issues.map((issue) => [issue.row, issue.column])).toEqual([[3, 'kategori_mitra'], [3, 'tanggal_ttd']]);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^jalin: Impor dibatalkan: 2 kesalahan/);
    const text = await jalin(['import', csv]);
    expect(text.stdout).toContain('baris 3, kolom tanggal_ttd');
    const stats = await jalin(['stats', '--from', '2021', '--to', '2021', '--json']);
    expect(JSON.parse(stats.stdout).years[0].total).toBe(2);
  }, 120_000);

  it('creates a user for an OPD found by name, printing a generated password once', async () => {
    const run = await jalin(['create-user', '--email', 'Liaison@Ternate.go.id', '--name', 'Penghubung Diskop', '--role', 'opd', '--unit', 'dinas koperasi dan ukm']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('liaison@ternate.go.id (opd)');
    expect(run.stdout).toMatch(/password: \S{16}/);
    const missingUnit = await jalin(['create-user', '--email', 'x@ternate.go.id', '--name', 'Tanpa OPD', '--role', 'opd']);
    expect(missingUnit.code).toBe(1);
    expect(missingUnit.stderr).toMatch(/^jalin: .*unitId/);
    // The lone admin who lost the phone turns two-step sign-in off from the server.
    const reset = await jalin(['reset-2fa', '--email', 'Liaison@Ternate.go.id']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('two-step sign-in was not on: Liaison@Ternate.go.id');
    const unknown = await jalin(['reset-2fa', '--email', 'siapa@ternate.go.id']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^jalin: Pengguna tidak ditemukan/);
  }, 120_000);

  it('answers bad arguments with a one-line message and a non-zero exit', async () => {
    for (const args of [['stats', '--from', '2022', '--to', '2020'], ['frobnicate'], ['create-user', '--email', 'a@b.id', '--name', 'Ani', '--role', 'raja'], ['import', 'tidak-ada.csv']]) {
      const run = await jalin(args);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  }, 180_000);

  it('refuses to load the demo into a registry that already holds agreements', async () => {
    const run = await jalin(['demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/registry is not empty/);
  }, 120_000);

  it('loads the demo into an empty registry, with the figures of the article', async () => {
    const target = await freshTarget();
    const run = await jalin(['demo'], target);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('admin@jalin.local');
    expect(run.stdout).toContain('tkksd@demo.jalin.local');
    const stats = await jalin(['stats', '--from', '2020', '--to', '2022', '--json'], target);
    expect((JSON.parse(stats.stdout) as StatsResponse).years.map((year) => year.total)).toEqual([8, 27, 17]);
  }, 240_000);
});
