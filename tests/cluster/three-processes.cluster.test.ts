import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { openPostgres, type Database } from '../../src/server/db/client';
import { parseEnv } from '../../src/server/env';
import { createFileStore } from '../../src/server/lib/create-file-store';
import { startS3Server, type S3TestServer } from '../../src/server/lib/s3-server.test-support';
import { disseminationPackages, disseminationRecipients } from '../../src/server/modules/dissemination/dissemination.table';
import { startSmtpSink, type SmtpSink } from '../../src/server/modules/mail/smtp-sink.test-support';
import { partners } from '../../src/server/modules/partners/partners.table';
import { buildUser } from '../support/builders';
import { rowsOf } from '../support/table-rows';
import { makeTextPdf, multipartBody } from '../support/pdf-fixtures';
import { buildAgreement } from '../support/registry-builders';
import { adminSession, startServer, type ServerProcess } from '../support/server-process';
import { createEmptyPostgres } from '../support/test-db';

// Three Jalin processes on one PostgreSQL database and one S3 bucket, as behind a load balancer:
// whatever one process learns (a session, a failed sign-in, a rate-limit hit, a file) the others
// must know; a due reminder is mailed once, not once per process; no acknowledged write is lost
// when one of them dies. Runs on PostgreSQL only (PGlite is one process per data directory).

const PROCESS_COUNT = 3;
const METRICS_TOKEN = 'cluster-metrics-token-0123456789';
const DAY_MS = 24 * 60 * 60 * 1000;

let empty: { url: string; drop: () => Promise<void> };
let database: Database;
let s3: S3TestServer;
let sink: SmtpSink;
let servers: ServerProcess[] = [];
const dirs: string[] = [];
let reminded: { email: string; title: string };

// Round-robin, as a proxy spreads requests.
let turn = 0;
function next(): ServerProcess {
  const server = servers[turn % servers.length];
  turn += 1;
  if (!server) throw new Error('no server running');
  return server;
}

// An OPD told of a published package ten days ago that has not acknowledged it: its reminder is due.
async function dueReminder(db: Database['db']): Promise<{ email: string; title: string }> {
  const user = await buildUser(db, { role: 'opd' });
  if (!user.unitId) throw new Error('an OPD user without a unit');
  const title = 'Kerja Sama Pengingat Tiga Proses';
  const agreement = await buildAgreement(db, { title });
  const longAgo = new Date(Date.now() - 10 * DAY_MS);
  const [pack] = await db
    .insert(disseminationPackages)
    .values({ agreementId: agreement.id, status: 'published', publishedAt: longAgo, summaryWhat: 'Pelatihan.', summaryWithWhom: 'Kota Tidore', summaryUntil: '2028', summaryWhy: 'Tertib.' })
    .returning();
  if (!pack) throw new Error('no package');
  await db.insert(disseminationRecipients).values({ packageId: pack.id, unitId: user.unitId, sentAt: longAgo });
  return { email: user.email, title };
}

beforeAll(async () => {
  // An empty database: the three processes migrate and seed it together at start.
  empty = await createEmptyPostgres();
  [s3, sink] = await Promise.all([startS3Server(), startSmtpSink()]);
  const started = [];
  for (let index = 0; index < PROCESS_COUNT; index += 1) {
    // Each process its own data directory: nothing in it may be needed by the others.
    const dir = mkdtempSync(path.join(tmpdir(), `jalin-cluster-${index}-`));
    dirs.push(dir);
    const env = { ...s3.env, SMTP_URL: sink.url, JALIN_OCR_WORKERS: '0', JALIN_METRICS_TOKEN: METRICS_TOKEN, JALIN_JOBS_START_DELAY_SECONDS: '8' };
    started.push(startServer({ dir, url: empty.url }, env));
  }
  servers = await Promise.all(started);
  database = openPostgres(empty.url, { max: 3 });
  // Written right after start, before the processes make up the jobs missed while they were down.
  reminded = await dueReminder(database.db);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
  await empty?.drop();
  await Promise.all([s3?.stop(), sink?.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function scrape(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

function counted(exposition: string, route: string, status: number): number {
  const line = exposition.split('\n').find((row) => row.startsWith('jalin_http_requests_total{') && row.includes(`route="${route}"`) && row.includes(`status="${status}"`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('three processes on one PostgreSQL', () => {
  it('a session made on one process works on the others', async () => {
    const [first, ...others] = servers;
    if (!first) throw new Error('no server');
    const cookie = await adminSession(first.baseUrl);
    for (const server of others) {
      const response = await fetch(`${server.baseUrl}/api/auth/me`, { headers: { cookie } });
      expect(response.status, server.baseUrl).toBe(200);
    }
    // Signing out on one process ends the session everywhere.
    const out = await fetch(`${first.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: first.baseUrl }, body: '{}' });
    expect(out.status).toBeLessThan(300);
    for (const server of others) {
      expect((await fetch(`${server.baseUrl}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    }
  });

  it('failed sign-ins are counted across processes towards one lock', async () => {
    const user = await buildUser(database.db, { role: 'tkksd', password: 'sandi-benar-cluster-1' });
    const attempt = (server: ServerProcess, password: string) =>
      fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
    // Five wrong passwords, spread over the three processes: fewer than five on any one of them.
    for (let index = 0; index < 5; index += 1) expect((await attempt(next(), 'salah-sandi')).status).toBe(401);
    for (const server of servers) {
      const locked = await attempt(server, 'sandi-benar-cluster-1');
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('the processes started together on an empty database migrated it once and made one admin', async () => {
    expect(await rowsOf(database.db, sql`select hash, count(*)::int as times from drizzle.__drizzle_migrations group by hash having count(*) > 1`)).toEqual([]);
    expect(await rowsOf(database.db, sql`select count(*)::int as count from users where role = 'admin'`)).toEqual([{ count: 1 }]);
    for (const server of servers) expect((await fetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
  });

  it('a rate limit is one limit across the processes, and each process counts what it answered', async () => {
    const ask = (server: ServerProcess) =>
      fetch(`${server.baseUrl}/api/auth/password/forgot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'siapa@contoh.go.id' }) });
    const before = await Promise.all(servers.map(scrape));
    // The limit is 10 per address: ten requests spread over three processes, then the eleventh.
    const statuses: number[] = [];
    for (let index = 0; index < 11; index += 1) statuses.push((await ask(next())).status);
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    const after = await Promise.all(servers.map(scrape));
    const route = '/api/auth/password/forgot';
    const delta = (status: number) => after.reduce((sum, text, index) => sum + counted(text, route, status) - counted(before[index] ?? '', route, status), 0);
    expect(delta(202)).toBe(10);
    expect(delta(429)).toBe(1);
  });

  it('a due reminder is mailed once, not once per process', async () => {
    // Each process asks for the missed jobs a few seconds after its start; one run sends.
    const mails = () => sink.mails.filter((mail) => mail.to.includes(reminded.email) && mail.subject === `Pengingat paket diseminasi: ${reminded.title}`);
    await vi.waitFor(() => expect(mails()).toHaveLength(1), { timeout: 60_000, interval: 250 });
    // Every process has had its start-up run by now and the queue is idle: still one mail.
    await vi.waitFor(async () => {
      expect(await rowsOf(database.db, sql`select count(*)::int as count from pgboss.job where name = 'reminders' and state in ('created', 'retry', 'active')`)).toEqual([{ count: 0 }]);
    }, { timeout: 60_000, interval: 250 });
    expect(mails()).toHaveLength(1);
    // The queue as each process's metrics show it: nothing waiting, nothing failed.
    for (const server of servers) {
      const text = await scrape(server);
      expect(text).toMatch(/^jalin_job_queue_depth\{queue="reminders"\} 0$/m);
      expect(text).toMatch(/^jalin_job_queue_failed\{queue="reminders"\} 0$/m);
    }
  });

  it('a file uploaded through one process downloads byte-identical from the others, whole and in ranges', async () => {
    const agreement = await buildAgreement(database.db);
    const pdf = await makeTextPdf(['Naskah kerja sama yang diunggah lewat proses pertama.']);
    const [first, ...others] = servers;
    if (!first) throw new Error('no server');
    const cookie = await adminSession(first.baseUrl);
    const body = multipartBody({ fields: { kind: 'naskah_ttd' }, file: { fileName: 'naskah.pdf', content: pdf } });
    const uploaded = await fetch(`${first.baseUrl}/api/agreements/${agreement.id}/documents`, {
      method: 'POST',
      headers: { cookie, origin: first.baseUrl, ...body.headers },
      body: new Uint8Array(body.payload),
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    for (const server of others) {
      const download = await fetch(`${server.baseUrl}/api/documents/${id}/file`, { headers: { cookie } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
      const part = await fetch(`${server.baseUrl}/api/documents/${id}/file`, { headers: { cookie, range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(pdf.subarray(100, 200))).toBe(true);
    }
    // The bytes are in the bucket, not in any process's directory.
    const [stored] = await rowsOf<{ storage_key: string }>(database.db, sql`select storage_key from documents where id = ${id}`);
    const bucket = createFileStore(parseEnv(s3.env));
    expect((await bucket.get(stored?.storage_key ?? '')).equals(pdf)).toBe(true);
  });

  it('killing a process mid-request loses no acknowledged write', async () => {
    const cookies = await Promise.all(servers.map((server) => adminSession(server.baseUrl)));
    const victim = servers[1];
    if (!victim) throw new Error('no server');
    const acknowledged: string[] = [];
    let cutOnVictim = 0;
    const create = async (index: number) => {
      const serverIndex = index % servers.length;
      const server = servers[serverIndex];
      if (!server) return;
      const name = `Mitra Klaster ${index}`;
      try {
        const response = await fetch(`${server.baseUrl}/api/partners`, {
          method: 'POST',
          headers: { cookie: cookies[serverIndex] ?? '', 'content-type': 'application/json', origin: server.baseUrl },
          body: JSON.stringify({ name, categoryCode: 'swasta' }),
        });
        if (response.status === 201) acknowledged.push(name);
      } catch {
        // The connection to the killed process broke: that write was never acknowledged.
        if (server === victim) cutOnVictim += 1;
      }
    };
    // Writes in flight on every process while one of them is killed without warning.
    const writes = Array.from({ length: 60 }, (_, index) => create(index));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await victim.stop('SIGKILL');
    await Promise.all(writes);
    // The kill came while the victim still had writes to answer.
    expect(cutOnVictim).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = await database.db.select({ name: partners.name }).from(partners).where(inArray(partners.name, acknowledged));
    expect(stored.map((row) => row.name).sort()).toEqual([...acknowledged].sort());
    // The survivors go on serving.
    const survivor = servers[2];
    if (!survivor) throw new Error('no server');
    const [row] = await database.db.select({ id: partners.id }).from(partners).where(eq(partners.name, acknowledged[0] ?? ''));
    expect((await fetch(`${survivor.baseUrl}/api/partners/${row?.id ?? ''}`, { headers: { cookie: cookies[2] ?? '' } })).status).toBe(200);
  });
});
