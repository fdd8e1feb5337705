import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { importReport } from '../../cli-import-report';
import { selectRows } from '../../db/bulk-sql';
import { toCsv, type SheetRow } from '../../lib/sheet-files';
import { registerSizeAfter } from '../agreements/register-size.service';

// Past JALIN_EMBEDDED_AGREEMENT_LIMIT the embedded database says so in the import's preview; the
// import is still confirmed and written. PostgreSQL has no such limit.
const BOUNDARY = '----jalin-size-test';

function upload(fileName: string, bytes: Buffer) {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

function rows(prefix: string, count: number): SheetRow[] {
  return Array.from({ length: count }, (_, index) => ({
    nomor_pemda: `${prefix}/${index + 1}`,
    judul: `Kesepakatan Bersama Ukuran Register ${prefix} ${index + 1}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'SINERGI',
    mitra: 'Badan Pusat Statistik Kota Uji',
    kategori_mitra: 'pemerintah_pusat',
    bidang: 'kominfo_statistik',
    opd: 'Dinas Komunikasi Uji',
    tanggal_ttd: '2022-05-10',
  }));
}

async function agreementCount(t: TestApp): Promise<number> {
  const [row] = await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM agreements`);
  return row?.n ?? 0;
}

describe('the register past the embedded database size', () => {
  let t: TestApp;
  let cookie: string;
  let before: number;
  const LIMIT = 2;
  beforeAll(async () => {
    t = await createTestApp({ env: { JALIN_EMBEDDED_AGREEMENT_LIMIT: String(LIMIT) } });
    cookie = (await t.loginAs('admin')).cookie;
    before = await agreementCount(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function preview(name: string, count: number) {
    const body = upload(`${name}.csv`, toCsv(rows(`${name}-${Date.now().toString(36)}`, count)));
    const response = await t.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie } });
    expect(response.statusCode).toBe(200);
    return response.json<{ id: string; registerSize: { after: number; limit: number } | null }>();
  }

  it('says in the preview how many agreements the register would hold, and still writes the import when confirmed', async () => {
    const shown = await preview('besar', LIMIT + 1 - before);
    if (t.database.kind === 'pglite') expect(shown.registerSize).toEqual({ after: LIMIT + 1, limit: LIMIT });
    else expect(shown.registerSize).toBeNull();
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/imports/${shown.id}/confirm`, headers: { cookie } });
    expect(confirmed.statusCode).toBe(202);
    for (let attempt = 0; attempt < 200 && (await agreementCount(t)) < LIMIT + 1; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await agreementCount(t)).toBe(LIMIT + 1);
  });

  it('says nothing while the register stays within the limit', async () => {
    const within = await registerSizeAfter(t.database.db, { creates: 0, limit: LIMIT + 1 });
    expect(within).toBeNull();
    expect(await registerSizeAfter(t.database.db, { creates: 1, limit: LIMIT + 1 })).toEqual({ after: LIMIT + 2, limit: LIMIT + 1 });
    expect(await registerSizeAfter(t.database.db, { creates: 1, limit: null })).toBeNull();
  });

  it('prints the same notice in the command line report, in both languages', () => {
    const preview = { fileName: 'r.csv', totalRows: 1, toCreate: 1, toUpdate: 0, unchanged: 0, issues: [], ignoredColumns: [], registerSize: { after: 100_001, limit: 100_000 } };
    const lines = importReport({ preview: preview as never, run: null }, { dryRun: true });
    expect(lines.join('\n')).toContain('Register berisi 100001 perjanjian, lebih dari 100000 yang dilayani basis data tertanam (PGlite)');
    expect(lines.join('\n')).toContain('use a PostgreSQL server: npm run jalin -- database-copy --to postgres://…, then set DATABASE_URL');
  });
});
