import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { partners } from '../../src/server/modules/partners/partners.table';
import { buildUser } from '../support/builders';
import { makeTextPdf, multipartBody } from '../support/pdf-fixtures';
import { buildAgreement } from '../support/registry-builders';
import { adminSession, startServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// Three Jalin processes on one PostgreSQL database, as behind a load balancer: whatever one process
// learns (a session, a failed sign-in, a file) the others must know, and no acknowledged write is
// lost when one of them dies. Runs on PostgreSQL only (PGlite is one process per data directory).

const PROCESS_COUNT = 3;

let database: TestDatabase;
let servers: ServerProcess[] = [];
let dirs: string[] = [];

// Round-robin, as a proxy spreads requests.
let turn = 0;
function next(): ServerProcess {
  const server = servers[turn % servers.length];
  turn += 1;
  if (!server) throw new Error('no server running');
  return server;
}

beforeAll(async () => {
  database = await createTestDatabase();
  if (!database.url) throw new Error('the cluster test needs PostgreSQL (TEST_DATABASE_URL)');
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-cluster-files-'));
  dirs = [storage];
  const started = [];
  for (let index = 0; index < PROCESS_COUNT; index += 1) {
    // Each process its own data directory: nothing in it may be needed by the others.
    const dir = mkdtempSync(path.join(tmpdir(), `jalin-cluster-${index}-`));
    dirs.push(dir);
    started.push(startServer({ dir, url: database.url }, { JALIN_STORAGE_DIR: storage, JALIN_OCR_WORKERS: '0' }));
  }
  servers = await Promise.all(started);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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

  it('a file uploaded through one process downloads byte-identical from the others', async () => {
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
    }
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
