import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/support/server-process';
import { createEmptyPostgres, TEST_DB_KIND } from '../../tests/support/test-db';
import type { MonitorReport } from '../shared/monitoring';
import { toCsv, type SheetRow } from './lib/sheet-files';

// `npm run jalin -- monitor` as a scheduler runs it: a separate process, on a register imported
// from a CSV file into a fresh PGlite data directory (or a throwaway PostgreSQL database).

function row(number: string, dates: { signed: string; starts: string; ends: string }): SheetRow {
  return {
    nomor_pemda: number,
    judul: `Kesepakatan Bersama Pemantauan ${number}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: 'PT Mitra Pemantauan',
    kategori_mitra: 'swasta',
    bidang: 'umkm_koperasi',
    opd: 'Diskop-UKM',
    tanggal_ttd: dates.signed,
    tanggal_mulai: dates.starts,
    tanggal_berakhir: dates.ends,
  };
}

describe('jalin monitor', () => {
  const target = { dir: '', url: '' };
  let drop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    target.dir = mkdtempSync(path.join(tmpdir(), 'jalin-monitor-'));
    if (TEST_DB_KIND === 'postgres') {
      const empty = await createEmptyPostgres();
      target.url = empty.url;
      drop = empty.drop;
    }
    const csv = path.join(target.dir, 'register.csv');
    writeFileSync(
      csv,
      toCsv([
        // Ends on the day asked about, signed long ago, never planned: expiring (0 days) and dormant.
        row('MON/001', { signed: '03/01/2022', starts: '03/01/2022', ends: '04/12/2026' }),
        // Ends on the last day of the 180-day window.
        row('MON/002', { signed: '10/01/2025', starts: '10/01/2025', ends: '02/06/2027' }),
        // Ends one day past the window; signed within the last six months.
        row('MON/003', { signed: '01/09/2026', starts: '01/09/2026', ends: '03/06/2027' }),
        // Ended the day before.
        row('MON/004', { signed: '03/01/2022', starts: '03/01/2022', ends: '03/12/2026' }),
      ]),
    );
    const imported = await runCli(['import', csv], target);
    expect(imported.code, imported.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => {
    rmSync(target.dir, { recursive: true, force: true });
    await drop?.();
  });

  it('prints exactly the contract with --json', async () => {
    const run = await runCli(['monitor', '--on', '2026-12-04', '--json'], target);
    expect(run.code, run.stderr).toBe(0);
    const expected: MonitorReport = {
      on: '2026-12-04',
      expiring: [
        { nomorPemda: 'MON/001', endsOn: '2026-12-04', daysLeft: 0 },
        { nomorPemda: 'MON/002', endsOn: '2027-06-02', daysLeft: 180 },
      ],
      dormant: [
        { nomorPemda: 'MON/001', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
        { nomorPemda: 'MON/002', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
      ],
      reportsOverdue: 0,
    };
    // Exactly: the same keys in the same order, and nothing else on stdout.
    expect(run.stdout.trim()).toBe(JSON.stringify(expected));
  }, 120_000);

  it('prints an Indonesian summary without --json', async () => {
    const run = await runCli(['monitor', '--on', '2026-12-04'], target);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Pemantauan kerja sama per 2026-12-04');
    expect(run.stdout).toContain('Akan berakhir: 2 naskah');
    expect(run.stdout).toContain('MON/001: berakhir 2026-12-04 (hari ini)');
    expect(run.stdout).toContain('MON/002: berakhir 2027-06-02 (180 hari lagi)');
    expect(run.stdout).toContain('Dorman: 2 naskah');
    expect(run.stdout).toContain('Laporan realisasi terlambat: 0');
  }, 120_000);

  it('refuses a date that does not exist with a one-line message and a non-zero exit', async () => {
    for (const bad of ['2026-02-30', '4/12/2026']) {
      const run = await runCli(['monitor', '--on', bad, '--json'], target);
      expect(run.code, bad).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), bad).toHaveLength(1);
      expect(run.stderr).toContain('--on');
    }
  }, 120_000);
});
