import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/test-db';
import { buildApp } from './app';
import type { Database } from './db/client';
import { parseEnv } from './env';
import { createLocalFileStore } from './lib/file-store';

// The staff app as the build leaves it: hashed files under assets/, each text file also
// precompressed beside it (.br, .gz).
const SCRIPT = `console.log(${JSON.stringify('jalin '.repeat(500))});\n`;
const INDEX = `<!doctype html><html lang="id"><head><title>Jalin</title><script type="module" src="/app/assets/index-AbC123xy.js"></script></head><body><div id="root"></div>${'<!-- -->'.repeat(200)}</body></html>`;

function writeBuiltFile(dir: string, name: string, body: string): void {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
  writeFileSync(`${file}.br`, brotliCompressSync(body));
  writeFileSync(`${file}.gz`, gzipSync(body));
}

describe('serving the built staff app', () => {
  let app: FastifyInstance;
  let database: Database;
  let webDir: string;
  let storage: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'jalin-web-'));
    storage = mkdtempSync(path.join(tmpdir(), 'jalin-files-'));
    writeBuiltFile(webDir, 'index.html', INDEX);
    writeBuiltFile(webDir, 'assets/index-AbC123xy.js', SCRIPT);
    writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    database = await createTestDatabase();
    const env = parseEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', JALIN_STORAGE_DIR: storage });
    app = await buildApp({ database, env, files: createLocalFileStore(storage), clock: () => new Date() }, { logger: false, webDir });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(webDir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('sends a hashed asset brotli-compressed, cached for a year as immutable', async () => {
    const response = await app.inject({ url: '/app/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli and the plain file to one that takes neither', async () => {
    const gzipped = await app.inject({ url: '/app/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ url: '/app/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the app shell compressed but always revalidated, at /app/ and at a deep link', async () => {
    for (const url of ['/app/', '/app/agreements/00000000-0000-4000-8000-000000000000']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX);
    }
  });

  it('does not let browsers keep a file whose name carries no hash', async () => {
    const response = await app.inject({ url: '/app/favicon.svg', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing asset instead of the app shell', async () => {
    const response = await app.inject({ url: '/app/assets/index-missing.js', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(404);
  });
});
