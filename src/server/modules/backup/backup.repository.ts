import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

// Two numbers no other lock in Jalin uses: pg_try_advisory_xact_lock(classid, objid).
const LOCK_CLASS = 0x4a4c;
const LOCK_BACKUP = 1;

// Both drivers answer raw SQL with { rows }.
async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

// How many migrations built this database, and when the newest was made (drizzle's own table).
export async function selectMigrationLevel(db: Db): Promise<{ count: number; last: string | null } | undefined> {
  const [row] = await rowsOf<{ count: number; last: string | null }>(db, sql`SELECT count(*)::int AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`);
  return row;
}

// Held until the transaction ends; false when another process holds it.
export async function tryBackupLock(tx: Db): Promise<boolean> {
  const [row] = await rowsOf<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${LOCK_CLASS}, ${LOCK_BACKUP}) AS locked`);
  return Boolean(row?.locked);
}
