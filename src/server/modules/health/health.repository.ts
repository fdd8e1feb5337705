import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../../db/client';
import { MIGRATIONS_DIR } from '../../lib/paths';

export { isMigrationLockHeld } from '../../db/migration-lock';

// Throws when the database does not answer.
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

// drizzle's migrator applies every migration newer than the newest it recorded; the database is
// at this build's schema once that record reaches the build's newest migration.
let newestMigrationMillis: number | null = null;

function newestMigrationOfBuild(): number {
  newestMigrationMillis ??= Math.max(0, ...readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((migration) => migration.folderMillis));
  return newestMigrationMillis;
}

// PostgreSQL's "undefined_table": drizzle's record table does not exist before the first migration.
const UNDEFINED_TABLE = '42P01';

function isUndefinedTable(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === UNDEFINED_TABLE || (error as { code?: string } | null)?.code === UNDEFINED_TABLE;
}

export async function isSchemaCurrent(db: Db): Promise<boolean> {
  try {
    const result = await db.execute(sql`SELECT coalesce(max(created_at), 0)::text AS newest FROM drizzle.__drizzle_migrations`);
    const newest = Number((result as { rows: { newest: string }[] }).rows[0]?.newest ?? 0);
    return newest >= newestMigrationOfBuild();
  } catch (error) {
    if (isUndefinedTable(error)) return false;
    throw error;
  }
}
