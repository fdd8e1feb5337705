import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from './client';

// The session-level advisory lock that lets one process migrate while the others starting beside
// it wait (docs/decisions/0036-operations.md). PostgreSQL names an advisory lock by two int4 keys;
// these two are Jalin's and nothing else in the database takes them:
//   0x4A414C49 ("JALI") says the lock is Jalin's, 1 says it is the migrations' lock.
// pg_locks shows a two-key lock as classid/objid with objsubid 2, which is how readiness sees it.
export const MIGRATION_LOCK_KEYS = [0x4a414c49, 1] as const;
// 2: the job queue's set-up (its tables and queues are created by the first process to start).
export const QUEUE_SETUP_LOCK_KEYS = [0x4a414c49, 2] as const;
// 3: the first start's seeding (OPD list, evaluation form, admin account), a transaction's lock.
export const BOOTSTRAP_LOCK_KEYS = [0x4a414c49, 3] as const;

// Runs `work` holding a lock on a connection of its own, so the lock is the session's and is let
// go when the connection ends, even if this process dies half-way. `work` gets that connection:
// a pool of one (the test template's) has no second connection to give.
export async function withSessionLock<T>(pool: pg.Pool, keys: readonly [number, number], work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...keys]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...keys]);
    }
  } finally {
    client.release();
  }
}

export function withMigrationLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withSessionLock(pool, MIGRATION_LOCK_KEYS, work);
}

// Whether some process holds the migrations' lock now (it is migrating).
export async function isMigrationLockHeld(db: Db): Promise<boolean> {
  const [classId, objId] = MIGRATION_LOCK_KEYS;
  const result = await db.execute(sql`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND classid = ${classId}::oid AND objid = ${objId}::oid AND objsubid = 2
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    ) AS held`);
  return (result as { rows: { held: boolean }[] }).rows[0]?.held === true;
}
