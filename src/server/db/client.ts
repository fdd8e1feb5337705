import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { withMigrationLock } from './migration-lock';
import { acquireDataDirLock, type DataDirLock, type HolderKind } from './data-dir-lock';
import { MIGRATIONS_DIR } from '../lib/paths';
import { backfillNumberKeys } from '../modules/agreements/agreement-numbers.service';
import * as schema from './schema';

export type Schema = typeof schema;
// Both drivers share PgDatabase; a transaction is a PgDatabase too, so repositories take either.
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

// How the job queue reaches the same database (lib/job-queue.ts): PGlite is one in-process
// connection, shared; on PostgreSQL the queue opens a small pool of its own.
export type QueueConnection = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; connectionString: string };

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  queue: QueueConnection;
  close: () => Promise<void>;
  // PostgreSQL's connection pool: the migration lock takes a connection of its own from it, and
  // the metrics read its counts. PGlite has one connection and no pool.
  pool?: pg.Pool;
};

export { MIGRATIONS_DIR };

// Who opens a PGlite directory, for the lock (and for the message another process gets).
export type Opener = { kind: HolderKind; name: string; socket?: string };

// A directory is locked for the life of the instance (see data-dir-lock.ts); `heldLock` is a lock the
// caller already holds (work that needs the directory alone, then opens the database in it).
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob; opener?: Opener; heldLock?: DataDirLock } = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lock = options.dataDir && !options.heldLock ? await acquireDataDirLock(options.dataDir, options.opener ?? { kind: 'command', name: path.basename(process.argv[1] ?? 'node') }) : null;
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const close = async () => {
    try {
      if (!client.closed) await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db, kind: 'pglite', queue: { kind: 'pglite', client }, close };
}

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => {
    process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`);
  });
  // No JIT compilation: Jalin's statements run for milliseconds, and one whose estimated cost
  // crossed jit_above_cost spent 45–55 ms compiling before it ran (a common-word search at
  // 1,000,000 agreements, docs/performance.md). Sent first on each new connection, so it precedes
  // every query the pool hands that connection.
  pool.on('connect', (client) => {
    client.query('SET jit = off').catch((error: unknown) => process.stderr.write(`SET jit = off failed: ${String(error)}\n`));
  });
  // Legal dates stay 'YYYY-MM-DD' strings: a Date would shift them across time zones.
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', queue: { kind: 'postgres', connectionString }, close: () => pool.end(), pool };
}

// Another handle on the same connections. Caches kept per handle (the register's counts) start
// empty in it, as in a new process; a logger sees the statements sent through it alone.
export function anotherHandle(db: Db, options: { logger?: Logger } = {}): Db {
  const client = (db as unknown as { $client: object }).$client;
  const config = { schema, ...options };
  return 'dumpDataDir' in client ? drizzlePglite(client as PGlite, config) : drizzlePg(client as pg.Pool, config);
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    await backfillNumberKeys(database.db);
    return;
  }
  // Several processes may start together on one database: one migrates, the others wait for the
  // lock and then find nothing left to do.
  const migrate = async (db: Db) => {
    await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    await backfillNumberKeys(db);
  };
  if (database.pool) await withMigrationLock(database.pool, (client) => migrate(drizzlePg(client, { schema }) as unknown as Db));
  else await migrate(database.db);
}

// The PGlite directory inside JALIN_DATA_DIR.
export function pgliteDirOf(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; opener?: Opener; heldLock?: DataDirLock }): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : await openPglite({ dataDir: pgliteDirOf(options.dataDir), ...(options.opener ? { opener: options.opener } : {}), ...(options.heldLock ? { heldLock: options.heldLock } : {}) });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
