import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { deleteFinishedWindows } from './rate-limit.repository';

// Two app processes on one database, as two apps in one test process: they share nothing but the
// database, like two processes behind a proxy.
let first: TestApp;
let second: FastifyInstance;

beforeAll(async () => {
  first = await createTestApp();
  second = await buildApp({ database: first.database, env: first.env, files: first.files, clock: () => first.clock.now }, { logger: false });
  await second.ready();
});

afterAll(async () => {
  await second.close();
  await first.close();
});

function forgot(app: FastifyInstance, remoteAddress: string) {
  return app.inject({ method: 'POST', url: '/api/auth/password/forgot', remoteAddress, payload: { email: 'tidak-ada@contoh.go.id' } });
}

describe('the rate limit kept in the database', () => {
  it('counts the hits on both apps against one limit (forgot-password allows 10 per 15 minutes)', async () => {
    const address = '203.0.113.10';
    for (let index = 0; index < 5; index += 1) expect((await forgot(first.app, address)).statusCode).toBe(202);
    for (let index = 0; index < 5; index += 1) expect((await forgot(second, address)).statusCode).toBe(202);
    const refusedOnFirst = await forgot(first.app, address);
    expect(refusedOnFirst.statusCode).toBe(429);
    expect(refusedOnFirst.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    expect((await forgot(second, address)).statusCode).toBe(429);
  });

  it('counts each address and each route apart', async () => {
    expect((await forgot(second, '203.0.113.11')).statusCode).toBe(202);
    const login = await second.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.10', payload: { email: 'tidak-ada@contoh.go.id', password: 'salah-sekali-123' } });
    expect(login.statusCode).toBe(401);
  });

  it('starts a new window once the old one has ended, on the same row', async () => {
    const address = '203.0.113.12';
    for (let index = 0; index < 10; index += 1) await forgot(first.app, address);
    expect((await forgot(second, address)).statusCode).toBe(429);
    // The window ends (moved into the past instead of waiting 15 minutes).
    await first.database.db.execute(sql`UPDATE rate_limit_counters SET reset_at = now() - interval '1 second' WHERE key LIKE ${`%|${address}`}`);
    const again = await forgot(second, address);
    expect(again.statusCode).toBe(202);
    expect(again.headers['x-ratelimit-remaining']).toBe('9');
  });
});

describe('the sweep of finished windows', () => {
  it('deletes the rows whose window has ended and keeps the live ones', async () => {
    const { db } = first.database;
    await db.execute(sql`INSERT INTO rate_limit_counters (key, hits, reset_at) VALUES ('POST /x|ended', 3, now() - interval '1 minute'), ('POST /x|live', 2, now() + interval '1 minute')`);
    expect(await deleteFinishedWindows(db)).toBeGreaterThanOrEqual(1);
    const rows = await db.execute(sql`SELECT key FROM rate_limit_counters WHERE key LIKE 'POST /x|%'`);
    expect((rows as { rows: { key: string }[] }).rows.map((row) => row.key)).toEqual(['POST /x|live']);
  });
});
