import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../../tests/support/test-db';
import { adminSession, runCli, startServer, type ServerProcess } from '../../tests/support/server-process';
import { eq } from 'drizzle-orm';
import { openDatabase } from './db/client';
import { INTERRUPTED_ISSUE } from './modules/imports/import-lease.service';
import { toCsv, type SheetRow } from './lib/sheet-files';
import { previewImport } from './modules/imports/imports.service';
import { importRuns } from './modules/imports/imports.table';
import { testCtx } from '../../tests/support/test-ctx';

// The command line next to a running server: on PGlite the command goes through the server (one
// writer per data directory); on PostgreSQL both processes write to the database directly.

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

function row(index: number): SheetRow {
  const number = `SRV/${String(index).padStart(3, '0')}`;
  return {
    nomor_pemda: number,
    judul: `Kesepakatan Bersama Layanan Publik ${number}`,
    jenis_dokumen: 'KB',
    jenis_kerja_sama: 'KSDPK',
    mitra: `PT Mitra Proses ${index}`,
    kategori_mitra: 'swasta',
    bidang: 'umkm_koperasi',
    opd: 'Diskop-UKM',
    tanggal_ttd: '15/03/2021',
  };
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function createPartners(baseUrl: string, cookie: string, prefix: string, count: number) {
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${baseUrl}/api/partners`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${prefix} ${index}`, categoryCode: 'swasta' }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

async function agreementTotal(baseUrl: string, cookie: string): Promise<number> {
  const result = await json<{ total: number }>(await fetch(`${baseUrl}/api/agreements`, { headers: { cookie } }));
  return result.total;
}

async function partnerTotal(baseUrl: string, cookie: string): Promise<number> {
  return (await json<{ total: number }>(await fetch(`${baseUrl}/api/partners?pageSize=1`, { headers: { cookie } }))).total;
}

function openTarget(target: { dir: string; url: string }) {
  return openDatabase({ dataDir: target.dir, ...(target.url ? { databaseUrl: target.url } : {}) });
}

// An upload the server has begun to read (it answered 100 Continue) and whose body is sent later.
function startUpload(baseUrl: string, cookie: string, fileName: string, bytes: Buffer) {
  const boundary = `----jalin${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const request = httpRequest(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { cookie, expect: '100-continue', 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on('response', (response: IncomingMessage) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
  });
  const accepted = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  request.flushHeaders();
  return { accepted, answer, finish: () => request.end(body) };
}

async function refusesConnections(baseUrl: string): Promise<void> {
  for (;;) {
    const refused = await fetch(`${baseUrl}/api/health`).then(() => false, () => true);
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the command line while the server runs', () => {
  let target: { dir: string; url: string };
  let database = '';
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jalin-live-'));
    if (TEST_DB_KIND === 'postgres') {
      database = `jalin_live_${randomBytes(6).toString('hex')}`;
      await adminQuery(`CREATE DATABASE ${database}`);
    }
    target = { dir, url: database ? serverUrl(database) : '' };
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(target.dir, { recursive: true, force: true });
    if (database) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('imports through the running server, which keeps answering, and every write survives a restart', async () => {
    server = await startServer(target);
    const cookie = await adminSession(server.baseUrl);
    await createPartners(server.baseUrl, cookie, 'Mitra Sebelum Impor', 5);

    const csv = path.join(target.dir, 'register.csv');
    writeFileSync(csv, toCsv(Array.from({ length: 40 }, (_, index) => row(index + 1))));
    const imported = await runCli(['import', csv], target);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('40 dibuat, 0 diubah, 0 tetap');
    // PGlite: the server ran it (one writer); PostgreSQL: the command wrote directly, beside the server.
    expect(imported.stderr.includes('run by the Jalin server that holds the data directory')).toBe(TEST_DB_KIND === 'pglite');
    const stats = await runCli(['stats', '--from', '2021', '--to', '2021', '--json'], target);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ years: [{ year: 2021, total: 40 }] });

    await createPartners(server.baseUrl, cookie, 'Mitra Sesudah Impor', 20);
    expect(await agreementTotal(server.baseUrl, cookie)).toBe(40);
    // 5 before, 40 named by the import, 20 after.
    expect(await partnerTotal(server.baseUrl, cookie)).toBe(65);

    expect(await server.stop()).toBe(0);
    server = await startServer(target);
    const again = await adminSession(server.baseUrl);
    expect(await agreementTotal(server.baseUrl, again)).toBe(40);
    expect(await partnerTotal(server.baseUrl, again)).toBe(65);
    expect(await server.stop()).toBe(0);
    server = null;
  }, 240_000);

  it('marks an import cut off with its process as interrupted at start-up, and lets it be confirmed again', async () => {
    const prepared = await openTarget(target);
    const file = toCsv([row(901), row(902)]);
    const preview = await previewImport(testCtx({ db: prepared.db, actor: null, now: new Date() }), { fileName: 'terputus.csv', bytes: file });
    // What a server killed in the middle of the write leaves behind: running, its owner gone, the lease over.
    await prepared.db.update(importRuns).set({ status: 'running', ownerId: 'proses-yang-sudah-mati', leaseExpiresAt: new Date(Date.now() - 1000) }).where(eq(importRuns.id, preview.id));
    await prepared.close();

    server = await startServer(target);
    const cookie = await adminSession(server.baseUrl);
    const stuck = await json<{ status: string; issues: unknown[] }>(await fetch(`${server.baseUrl}/api/imports/${preview.id}`, { headers: { cookie } }));
    expect(stuck).toMatchObject({ status: 'failed', issues: [INTERRUPTED_ISSUE] });
    const confirm = await fetch(`${server.baseUrl}/api/imports/${preview.id}/confirm`, { method: 'POST', headers: { cookie } });
    expect(confirm.status, await confirm.clone().text()).toBe(202);
    for (;;) {
      const run = await json<{ status: string; createdCount: number }>(await fetch(`${server.baseUrl}/api/imports/${preview.id}`, { headers: { cookie } }));
      if (run.status !== 'running') {
        expect(run).toMatchObject({ status: 'done', createdCount: 2 });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await server.stop()).toBe(0);
    server = null;
  }, 240_000);

  it('on SIGTERM finishes the request under way, then closes the database so the directory opens again', async () => {
    server = await startServer(target);
    const cookie = await adminSession(server.baseUrl);
    const upload = startUpload(server.baseUrl, cookie, 'saat-berhenti.csv', toCsv([row(951)]));
    await upload.accepted;
    const stopped = server.stop('SIGTERM');
    await refusesConnections(server.baseUrl);
    upload.finish();
    const answer = await upload.answer;
    expect(answer.status, answer.text).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ fileName: 'saat-berhenti.csv', toCreate: 1, issues: [] });
    expect(await stopped).toBe(0);
    server = null;

    const reopened = await openTarget(target);
    const runs = await reopened.db.select().from(importRuns).where(eq(importRuns.fileName, 'saat-berhenti.csv'));
    await reopened.close();
    expect(runs.map((run) => run.status)).toEqual(['preview']);
  }, 240_000);
});
