import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, freePort, startServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// docs/deploy.md made real: the nginx site file and the systemd unit from deploy/, as they are
// (only ports, paths and the host name swapped), in front of two app processes on one PostgreSQL.

const NGINX_SITE = 'deploy/nginx/jalin.conf';
const SYSTEMD_UNIT = 'deploy/systemd/jalin@.service';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

let database: TestDatabase;
let work: string;
let nginx: ChildProcess | null = null;
let ports: { http: number; https: number; apps: number[] };
let cert: Buffer;
const servers: ServerProcess[] = [];

function target(dir: string) {
  return { dir, url: database.url ?? '' };
}

async function startAppOn(port: number): Promise<ServerProcess> {
  const dir = path.join(work, `app-${port}-${Date.now()}`);
  mkdirSync(dir);
  // Warnings and errors are kept: they explain a failed read, should there be one.
  return startServer(target(dir), { PORT: String(port), LOG_LEVEL: 'warn', JALIN_TRUST_PROXY: '1', JALIN_OCR_WORKERS: '0', JALIN_PUBLIC_URL: `https://localhost:${ports.https}` });
}

// The site file with this test's ports and paths, inside the smallest main configuration.
function writeNginxConfig(): string {
  const site = readFileSync(NGINX_SITE, 'utf8')
    .replace('server 127.0.0.1:3001 ', `server 127.0.0.1:${ports.apps[0]} `)
    .replace('server 127.0.0.1:3002 ', `server 127.0.0.1:${ports.apps[1]} `)
    .replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replaceAll('kerjasama.example.go.id', 'localhost')
    .replace('/etc/ssl/jalin/fullchain.pem', path.join(work, 'cert.pem'))
    .replace('/etc/ssl/jalin/privkey.pem', path.join(work, 'key.pem'));
  writeFileSync(path.join(work, 'jalin.conf'), site);
  const temp = (name: string) => `${name} ${path.join(work, name)};`;
  const main = [
    `pid ${path.join(work, 'nginx.pid')};`,
    `error_log ${path.join(work, 'error.log')} warn;`,
    'worker_processes 1;',
    'events { worker_connections 256; }',
    `http { access_log ${path.join(work, 'access.log')}; ${temp('client_body_temp_path')} ${temp('proxy_temp_path')} ${temp('fastcgi_temp_path')} ${temp('uwsgi_temp_path')} ${temp('scgi_temp_path')} include ${path.join(work, 'jalin.conf')}; }`,
  ].join('\n');
  const file = path.join(work, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

function viaNginx(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest({ host: '127.0.0.1', port: ports.https, path: pathname, servername: 'localhost', ca: cert, headers: { host: 'localhost', ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function diagnosis(): string {
  const processes = servers.map((server, index) => `process ${index} (exit ${server.child.exitCode ?? 'none'}):\n${server.output().slice(-3000)}`);
  return [`nginx error.log:\n${readFileSync(path.join(work, 'error.log'), 'utf8').slice(-6000)}`, ...processes].join('\n');
}

beforeAll(async () => {
  database = await createTestDatabase();
  if (!database.url) throw new Error('the deployment test needs PostgreSQL (TEST_DATABASE_URL)');
  work = mkdtempSync(path.join(tmpdir(), 'jalin-deploy-'));
  ports = { http: await freePort(), https: await freePort(), apps: [await freePort(), await freePort()] };
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem')], { stdio: 'ignore' });
  cert = readFileSync(path.join(work, 'cert.pem'));
  for (const port of ports.apps) servers.push(await startAppOn(port));
  const config = writeNginxConfig();
  // The configuration is checked the way an operator would before reloading.
  execFileSync('nginx', ['-t', '-q', '-p', work, '-c', config], { stdio: 'pipe' });
  nginx = spawn('nginx', ['-p', work, '-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let attempt = 0; ; attempt += 1) {
    const answer = await viaNginx('/api/health').catch(() => null);
    if (answer?.status === 200) break;
    if (attempt > 100) throw new Error(`nginx did not answer: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const done = exited(nginx);
    nginx.kill('SIGQUIT');
    await done;
  }
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('deployment behind nginx (deploy/nginx/jalin.conf)', () => {
  it('sends plain HTTP to HTTPS and serves the app over TLS', async () => {
    const plain = await fetch(`http://127.0.0.1:${ports.http}/kerja-sama`, { redirect: 'manual', headers: { host: 'localhost' } });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe('https://localhost/kerja-sama');
    const health = await viaNginx('/api/health');
    expect(health.status).toBe(200);
    // Once, from the app: the proxy adds no second copy.
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('compresses JSON and keeps the app\'s own cache headers', async () => {
    const spec = await viaNginx('/api/docs/json', { 'accept-encoding': 'gzip' });
    expect(spec.status).toBe(200);
    expect(spec.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(spec.body).toString()).openapi).toMatch(/^3\./);
    const page = await viaNginx('/kerja-sama');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toContain('max-age=60');
  });

  it('keeps /metrics away from the public side', async () => {
    expect((await viaNginx('/metrics')).status).toBe(404);
  });

  it('replaces one process at a time without a failed read', async () => {
    let isReading = true;
    const failures: string[] = [];
    let reads = 0;
    const reader = (async () => {
      while (isReading) {
        const answer = await viaNginx('/kerja-sama').catch((error: unknown) => ({ status: 0, body: Buffer.from(String(error)) }));
        reads += 1;
        if (answer.status !== 200) failures.push(`${new Date().toISOString()} ${answer.status} ${answer.body.toString().slice(0, 60)}`);
      }
    })();
    // An upgrade: each process stopped (SIGTERM, as systemd does), started again on its port and
    // waited for before the next one goes; the old process finishes the requests it holds.
    for (let index = 0; index < servers.length; index += 1) {
      const old = servers[index];
      const port = ports.apps[index];
      if (!old || port === undefined) throw new Error('no server');
      expect(await old.stop('SIGTERM')).toBe(0);
      servers[index] = await startAppOn(port);
      // The reader reaches the new process before the next one goes.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    isReading = false;
    await reader;
    expect(reads).toBeGreaterThan(50);
    // nginx's account of each failure (which process, what error) and what each process printed
    // are what tell a failure's cause.
    expect(failures, diagnosis()).toEqual([]);
    // Both processes still serve: a process that died after starting would leave one to carry all.
    expect(servers.map((server) => server.child.exitCode), diagnosis()).toEqual([null, null]);
    // Two restarts of a process each: more than the default 30 s on a busy machine.
  }, 180_000);

  it('the systemd unit passes systemd-analyze verify', () => {
    // verify reads the unit as systemd would load it: unknown keys, bad values and a missing
    // program fail it.
    const unit = path.join(work, 'jalin@3001.service');
    writeFileSync(unit, readFileSync(SYSTEMD_UNIT, 'utf8'));
    const output = execFileSync('systemd-analyze', ['verify', unit], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toBe('');
  });
});
