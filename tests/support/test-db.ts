import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateDatabase, openPglite, openPostgres, type Database } from '../../src/server/db/client';

// Which database the integration suites run on: the vitest project sets JALIN_TEST_DB.
export const TEST_DB_KIND = process.env.JALIN_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let pgliteTemplate: Promise<Blob> | null = null;

// A freshly migrated PGlite's data directory (globalSetup writes it to a file once per run).
export async function migratedPgliteSnapshot(): Promise<Blob> {
  const database = await openPglite();
  await migrateDatabase(database);
  const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('none');
  await database.close();
  return blob;
}

// Each test database is a copy of the run's snapshot instead of a new initdb and every migration.
// Outside a vitest run with the global setup (no snapshot provided) the file builds its own.
async function pgliteSnapshot(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const file = inject('pgliteSnapshot');
    return file ? new Blob([await readFile(file)]) : migratedPgliteSnapshot();
  })();
  return pgliteTemplate;
}

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

// On PostgreSQL the database's address too (for tools that connect by themselves, like pg_dump).
export type TestDatabase = Database & { url?: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB_KIND === 'pglite') return openPglite({ loadDataDir: await pgliteSnapshot() });
  // A database per test file, cloned from the template that globalSetup migrated.
  const name = `jalin_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const database = openPostgres(serverUrl(name), { max: 5 });
  return {
    ...database,
    url: serverUrl(name),
    async close() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: serverUrl('postgres') });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

// An empty PostgreSQL database (nothing migrated), for tests that fill one themselves.
export async function createEmptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jalin_e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  return {
    url: serverUrl(name),
    async drop() {
      const cleaner = new pg.Client({ connectionString: serverUrl('postgres') });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

// Called once per run (vitest globalSetup) when the suites run on PostgreSQL.
export async function preparePostgresTemplate(template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const database = openPostgres(serverUrl(template), { max: 1 });
  await migrateDatabase(database);
  await database.close();
}

export async function dropPostgresTemplate(template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.end();
}
