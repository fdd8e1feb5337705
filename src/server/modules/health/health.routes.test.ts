import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openPglite, openPostgres, type Database } from '../../db/client';
import { MIGRATION_LOCK_KEYS } from '../../db/migration-lock';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { TEST_DB_KIND, createEmptyPostgres, type TestDatabase } from '../../../../tests/support/test-db';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

async function appOn(database: Database): Promise<FastifyInstance> {
  const app = await buildApp({ database, env: t.env, files: t.files, clock: () => t.clock.now }, { logger: false });
  await app.ready();
  return app;
}

describe('liveness and readiness', () => {
  it('answers both while the database answers and is migrated', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok', database: TEST_DB_KIND });
    const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: TEST_DB_KIND });
  });

  it('stays live but not ready when PostgreSQL cannot be reached', async () => {
    // Port 1: nothing listens there, the connection is refused at once.
    const database = openPostgres('postgres://postgres@127.0.0.1:1/jalin', { max: 1 });
    const app = await appOn(database);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: { code: 'NOT_READY', details: { reason: 'database-unreachable' }, messageEn: 'The database cannot be reached.' } });
    } finally {
      // Closing waits for this process's imports, which it asks the database about: that
      // question fails here, and only the closing is wanted.
      await app.close().catch(() => undefined);
      await database.close();
    }
  });

  it('is not ready on a database that was never migrated', async () => {
    const empty = TEST_DB_KIND === 'postgres' ? await createEmptyPostgres() : null;
    const database = empty ? openPostgres(empty.url, { max: 1 }) : await openPglite();
    const app = await appOn(database);
    try {
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: { details: { reason: 'migrations-pending' } } });
    } finally {
      // Closing asks the (unmigrated) database about imports; only the closing is wanted.
      await app.close().catch(() => undefined);
      await database.close();
      await empty?.drop();
    }
  });

  it('is not ready while the schema lacks this build\'s newest migration', async () => {
    const { db } = t.database;
    const newest = await db.execute(sql`SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`);
    const row = (newest as { rows: { id: number; hash: string; created_at: string }[] }).rows[0];
    if (!row) throw new Error('the test database has no migrations recorded');
    await db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = ${row.id}`);
    try {
      const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: { details: { reason: 'migrations-pending' } } });
    } finally {
      await db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${row.id}, ${row.hash}, ${row.created_at})`);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  if (TEST_DB_KIND === 'postgres') {
    it('is not ready while another process holds the migrations\' lock', async () => {
      const other = new pg.Client({ connectionString: (t.database as TestDatabase).url });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK_KEYS]);
        const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({ error: { details: { reason: 'migrations-running' } } });
        await other.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK_KEYS]);
        expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      } finally {
        await other.end();
      }
    });

    // Advisory locks are per database, but pg_locks lists every database's: a province's server
    // holding several registers, one of them upgrading, must not make the others unready.
    it('stays ready while another database on the same server migrates', async () => {
      const elsewhere = await createEmptyPostgres();
      const other = new pg.Client({ connectionString: elsewhere.url });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK_KEYS]);
        expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      } finally {
        await other.end();
        await elsewhere.drop();
      }
    });
  } else {
    it('does not ask an embedded database for the migrations\' lock (one process owns it)', async () => {
      // The same lock taken on PGlite's one connection changes nothing: no other process migrates.
      await t.database.db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEYS[0]}, ${MIGRATION_LOCK_KEYS[1]})`);
      try {
        expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      } finally {
        await t.database.db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEYS[0]}, ${MIGRATION_LOCK_KEYS[1]})`);
      }
    });
  }
});
