import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxSheets } from '../../tests/support/report-files';
import { buildAgreement } from '../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { runCliCommand } from './cli-program';
import { serverRuntime } from './cli-runtime';

// `npm run jalin -- report annual --year 2025 --format xlsx`: the "Rekap" sheet lists exactly the
// agreements in force at some time during 2025, one row each, adenda under their parent.

describe('jalin report annual', () => {
  let t: TestApp;
  let dir = '';
  const output = { lines: [] as string[], errors: [] as string[] };
  const run = (args: string[]) =>
    runCliCommand(
      args,
      serverRuntime(
        { database: t.database, env: t.env, files: t.files },
        {
          cwd: dir,
          output: {
            out: (text) => output.lines.push(text),
            err: (text) => output.errors.push(text),
          },
        },
      ),
    );

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-01-03T02:00:00Z') });
    dir = mkdtempSync(path.join(tmpdir(), 'jalin-report-annual-'));
    const db = t.database.db;
    const spec = (
      numberOurs: string,
      dates: {
        signedOn: string;
        startsOn?: string | null;
        endsOn: string | null;
      },
      extra: Parameters<typeof buildAgreement>[1] = {},
    ) =>
      buildAgreement(db, {
        numberOurs,
        title: `Kerja sama ${numberOurs}`,
        startsOn: dates.signedOn,
        ...dates,
        ...extra,
      });
    const through = await spec('CLI/THROUGH', {
      signedOn: '2023-05-01',
      endsOn: '2028-04-30',
    });
    await spec('CLI/IN', { signedOn: '2025-03-10', endsOn: '2026-03-09' }, { docType: 'NK' });
    await spec('CLI/OVERLAP-START', {
      signedOn: '2022-01-01',
      endsOn: '2025-01-01',
    });
    await spec('CLI/OVERLAP-END', { signedOn: '2025-12-31', endsOn: '2027-12-30' }, { docType: 'PKS' });
    await spec('CLI/NO-END', { signedOn: '2020-06-01', endsOn: null });
    await spec(
      'CLI/TERM-IN',
      { signedOn: '2024-01-01', endsOn: '2026-12-31' },
      {
        terminationKind: 'diakhiri',
        terminatedOn: '2025-08-01',
        terminationReason: 'uji',
      },
    );
    // Not in force during 2025.
    await spec('CLI/BEFORE', { signedOn: '2021-01-01', endsOn: '2024-12-31' });
    await spec('CLI/AFTER', {
      signedOn: '2025-12-15',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
    });
    await spec(
      'CLI/TERM-BEFORE',
      { signedOn: '2023-01-01', endsOn: '2027-12-31' },
      {
        terminationKind: 'dicabut',
        terminatedOn: '2024-12-31',
        terminationReason: 'uji',
      },
    );
    await spec('CLI/DRAFT', { signedOn: '2025-02-01', endsOn: '2026-01-31' }, { isDraft: true });
    await spec('CLI/ADD', { signedOn: '2025-04-01', endsOn: '2028-04-30' }, { docType: 'ADENDUM', parentId: through.id });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('writes an XLSX whose "Rekap" lists exactly the agreements in force during the year', async () => {
    const code = await run(['report', 'annual', '--year', '2025', '--format', 'xlsx', '--out', 'tahunan.xlsx']);
    expect(code, output.errors.join('\n')).toBe(0);
    expect(output.lines.join('\n')).toContain('tahunan.xlsx');
    const sheets = await xlsxSheets(readFileSync(path.join(dir, 'tahunan.xlsx')));
    const rekap = sheets.find((sheet) => sheet.name === 'Rekap');
    const [head, ...rows] = rekap?.rows ?? [];
    const column = (head ?? []).indexOf('Nomor Pemda');
    expect(column).toBeGreaterThanOrEqual(0);
    expect(rows.map((row) => row[column]).sort()).toEqual(['CLI/IN', 'CLI/NO-END', 'CLI/OVERLAP-END', 'CLI/OVERLAP-START', 'CLI/TERM-IN', 'CLI/THROUGH']);
    const through = rows.find((row) => row[column] === 'CLI/THROUGH') ?? [];
    expect(through[(head ?? []).indexOf('Adendum')]).toContain('CLI/ADD');
  });

  it('writes the PDF and DOCX under their default names', async () => {
    expect(await run(['report', 'annual', '--year', '2025', '--format', 'pdf'])).toBe(0);
    expect(readFileSync(path.join(dir, 'laporan-tahunan-kerja-sama-2025.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await run(['report', 'annual', '--year', '2025', '--format', 'docx'])).toBe(0);
    expect(readFileSync(path.join(dir, 'laporan-tahunan-kerja-sama-2025.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad year or format with a message naming it', async () => {
    output.errors.length = 0;
    expect(await run(['report', 'annual', '--year', '25', '--format', 'xlsx'])).not.toBe(0);
    expect(output.errors.join('\n')).toContain('--year');
    output.errors.length = 0;
    expect(await run(['report', 'annual', '--year', '2025', '--format', 'odt'])).not.toBe(0);
    expect(output.errors.join('\n')).toContain('--format');
  });
});
