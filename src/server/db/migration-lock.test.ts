import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateDatabase, openPglite, openPostgres, type Db } from './client';
import { TEST_DB_KIND, createEmptyPostgres } from '../../../tests/support/test-db';

const MIGRATION_COUNT = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).length;

async function recordedMigrations(db: Db): Promise<{ total: number; distinct: number }> {
  const result = await db.execute(sql`SELECT count(*)::int AS total, count(DISTINCT hash)::int AS distinct FROM drizzle.__drizzle_migrations`);
  const row = (result as { rows: { total: number; distinct: number }[] }).rows[0];
  return { total: row?.total ?? 0, distinct: row?.distinct ?? 0 };
}

if (TEST_DB_KIND === 'postgres') {
  describe('migrations when several processes start together on PostgreSQL', () => {
    it('migrates a fresh database once while four start at the same moment, and all four start', async () => {
      const empty = await createEmptyPostgres();
      const processes = Array.from({ length: 4 }, () => openPostgres(empty.url, { max: 2 }));
      try {
        const outcomes = await Promise.allSettled(processes.map((database) => migrateDatabase(database)));
        expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
        expect(await recordedMigrations(processes[0]!.db)).toEqual({ total: MIGRATION_COUNT, distinct: MIGRATION_COUNT });
        // The lock was let go: nobody holds it once every start-up is done.
        const held = await processes[0]!.db.execute(sql`SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory'`);
        expect((held as { rows: { held: number }[] }).rows[0]?.held).toBe(0);
      } finally {
        await Promise.all(processes.map((database) => database.close()));
        await empty.drop();
      }
    });
  });
} else {
  describe('migrations on the embedded database', () => {
    it('finds nothing left to do when a migrated database is migrated again', async () => {
      const database = await openPglite();
      try {
        await migrateDatabase(database);
        await migrateDatabase(database);
        expect(await recordedMigrations(database.db)).toEqual({ total: MIGRATION_COUNT, distinct: MIGRATION_COUNT });
      } finally {
        await database.close();
      }
    });
  });
}
