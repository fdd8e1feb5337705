import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { agreements } from '../agreements/agreements.table';
import { toCsv, type SheetRow } from '../../lib/sheet-files';
import { importReport } from '../../cli-import-report';
import { selectRows } from '../../db/bulk-sql';
import { registerSizeAfter } from '../agreements/register-size.service';

const BOUNDARY = '----jalin-import-test';

function multipart(fileName: string, bytes: Buffer, field = 'file') {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

let seq = 0;
function rows(count: number, overrides: Partial<SheetRow> = {}): SheetRow[] {
  seq += 1;
  const p = `R${seq}-${Date.now().toString(36)}`;
  return Array.from({ length: count }, (_, index) => ({
    nomor_pemda: `${p}/${index + 1}`,
    judul: `Kesepakatan Bersama Layanan Publik ${p} ${index + 1}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'SINERGI',
    mitra: 'Badan Pusat Statistik Kota Uji',
    kategori_mitra: 'pemerintah_pusat',
    bidang: 'kominfo_statistik',
    opd: 'Dinas Komunikasi Uji',
    tanggal_ttd: '2022-05-10',
    ...overrides,
  }));
}

describe('import routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(cookie: string, body: Buffer, fileName = 'register.csv') {
    return t.app.inject({ method: 'POST', url: '/api/imports', ...multipart(fileName, body), headers: { ...multipart(fileName, body).headers, cookie } });
  }

  async function waitForRun(id: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const response = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: admin } });
      const run: Record<string, unknown> = response.json();
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not finish');
  }

  it('previews a file, then writes it in the background once confirmed', async () => {
    const file = rows(3);
    const preview = await upload(admin, toCsv(file));
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ fileName: 'register.csv', totalRows: 3, toCreate: 3, toUpdate: 0, unchanged: 0, issues: [] });
    expect(preview.json().sample).toHaveLength(3);
    expect(preview.json().sample[0]).toMatchObject({ row: 2, numberOurs: file[0]?.nomor_pemda, action: 'create' });
    const { id } = preview.json();
    expect(await t.database.db.select().from(agreements).where(eq(agreements.numberOurs, String(file[0]?.nomor_pemda)))).toEqual([]);
    const confirm = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: { cookie: admin } });
    expect(confirm.statusCode).toBe(202);
    expect(confirm.json()).toEqual({ id });
    const run = await waitForRun(id);
    expect(run).toMatchObject({ id, status: 'done', totalRows: 3, doneRows: 3, createdCount: 3, updatedCount: 0, unchangedCount: 0, issues: [] });
    const again = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/confirm`, headers: { cookie: admin } });
    expect(again.statusCode).toBe(409);
  });

  it('carries the choice of an existing OPD in the confirmation, refusing an unknown one with 400 naming it', async () => {
    const file = toCsv(rows(1, { opd: 'Dinas Komunikasi Uji Salah Ketik' }));
    const preview = (await upload(admin, file)).json<{ id: string; newUnits: { key: string; candidates: { id: string }[] }[] }>();
    const [name] = preview.newUnits;
    expect(name?.key).toBe('dinas komunikasi uji salah ketik');
    const url = `/api/imports/${preview.id}/confirm`;
    const unknown = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { units: [{ key: name?.key, id: '00000000-0000-4000-8000-00000000beef' }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('units.0.id');
    const malformed = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { units: [{ key: name?.key, id: 'bukan-id' }] } });
    expect(malformed.statusCode).toBe(400);
    const target = name?.candidates[0]?.id;
    expect(target).toBeDefined();
    const confirm = await t.app.inject({ method: 'POST', url, headers: { cookie: admin }, payload: { units: [{ key: name?.key, id: target }], partners: [] } });
    expect(confirm.statusCode).toBe(202);
    expect(await waitForRun(preview.id)).toMatchObject({ status: 'done', createdCount: 1 });
  });

  it('shows every row issue in the preview and refuses to confirm it with 409', async () => {
    const preview = await upload(admin, toCsv([...rows(1), ...rows(1, { tanggal_ttd: '2022-02-30', kategori_mitra: 'alien' })]));
    expect(preview.statusCode).toBe(200);
    expect(preview.json().issues).toEqual([
      { row: 3, column: 'kategori_mitra', message: expect.stringContaining('alien') },
      { row: 3, column: 'tanggal_ttd', message: expect.stringContaining('2022-02-30') },
    ]);
    const confirm = await t.app.inject({ method: 'POST', url: `/api/imports/${preview.json().id}/confirm`, headers: { cookie: admin } });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.code).toBe('CONFLICT');
  });

  it('answers 400 naming the file for a broken encoding, a wrong format or a missing file', async () => {
    const latin = await upload(admin, Buffer.from('nomor_pemda,judul\r\n1,caf\xe9\r\n', 'latin1'));
    expect(latin.statusCode).toBe(400);
    expect(latin.json().error).toMatchObject({ code: 'BAD_FILE', field: 'file', details: { reason: 'encoding' } });
    expect(latin.json().error.messageEn).toMatch(/encoding/);
    const missingHeader = await upload(admin, Buffer.from('nomor_pemda,judul\n1,Kerja sama uji\n'));
    expect(missingHeader.json().error).toMatchObject({ code: 'BAD_FILE', field: 'jenis_dokumen', details: { reason: 'headers' } });
    const wrongField = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart('x.csv', toCsv(rows(1)), 'berkas'), headers: { ...multipart('x.csv', Buffer.alloc(0)).headers, cookie: admin } });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.field).toBe('file');
    const json = await t.app.inject({ method: 'POST', url: '/api/imports', payload: { file: 'x' }, headers: { cookie: admin } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('file');
  });

  it('answers 404 for an unknown run', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } });
    expect(response.statusCode).toBe(404);
  });

  it('lets only admin import: 401 without a session, 403 for the other roles', async () => {
    const body = toCsv(rows(1));
    const preview = (await upload(admin, body)).json();
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart('x.csv', body) });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${preview.id}` })).statusCode).toBe(401);
    for (const role of ['tkksd', 'opd', 'pimpinan'] as Role[]) {
      const { cookie } = await t.loginAs(role);
      expect((await upload(cookie, body)).statusCode, `${role} upload`).toBe(403);
      const confirm = await t.app.inject({ method: 'POST', url: `/api/imports/${preview.id}/confirm`, headers: { cookie } });
      expect(confirm.statusCode, `${role} confirm`).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: `/api/imports/${preview.id}`, headers: { cookie } })).statusCode, `${role} read`).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/imports', headers: { cookie } })).statusCode, `${role} list`).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/imports/${preview.id}`, headers: { cookie: admin } })).json().status).toBe('preview');
    expect((await t.app.inject({ method: 'GET', url: '/api/imports', headers: { cookie: admin } })).statusCode).toBe(200);
  });
});

async function agreementCount(t: TestApp): Promise<number> {
  const [row] = await selectRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM agreements`);
  return row?.n ?? 0;
}

// Past JALIN_EMBEDDED_AGREEMENT_LIMIT the embedded database says so in the import's preview; the
// import is still confirmed and written. PostgreSQL has no such limit.
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
    const body = multipart(`${name}.csv`, toCsv(rows(count)));
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
