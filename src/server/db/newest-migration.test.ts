import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { buildAgreement, buildPartner } from '../../../tests/support/registry-builders';
import { createEmptyPostgres, TEST_DB_KIND } from '../../../tests/support/test-db';
import { MIGRATIONS_DIR, migrateDatabase, openPglite, openPostgres, type Database } from './client';
import { selectRows } from './bulk-sql';

// The test databases are copies of a freshly migrated, empty template, so a migration is never tried
// on rows there. A deployment upgrades a register that holds agreements: the newest migration must
// apply to one. (Migration 0049 first failed so: its fill left trigger events pending, and the
// ALTER TABLE after it was refused, "pending trigger events".)
function migrationsBeforeNewest(): { folder: string; newest: string } {
  const folder = mkdtempSync(path.join(tmpdir(), 'jalin-migrations-'));
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  return { folder, newest: journal.entries.at(-1)?.tag ?? '' };
}

async function openEmpty(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (TEST_DB_KIND === 'pglite') return { database: await openPglite(), drop: () => Promise.resolve() };
  const empty = await createEmptyPostgres();
  return { database: openPostgres(empty.url, { max: 2 }), drop: empty.drop };
}

describe('the newest migration on a register that holds agreements', () => {
  it('applies, keeps every agreement and its register row, and leaves the register current', async () => {
    const { database, drop } = await openEmpty();
    const { folder, newest } = migrationsBeforeNewest();
    try {
      const db = database.db;
      if (database.pool) await migratePg(drizzlePg(database.pool), { migrationsFolder: folder });
      else await migratePglite(db as never, { migrationsFolder: folder });
      const partner = await buildPartner(db, { name: 'PT Migrasi', categoryCode: 'swasta' });
      for (const title of ['Beasiswa Taruna', 'air bersih', 'Zonasi Pesisir']) {
        await buildAgreement(db, { title, partners: [{ id: partner.id }] });
      }
      const before = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM agreement_search`);
      await migrateDatabase(database);
      expect(before[0]?.n, newest).toBe(3);
      const rows = await selectRows<{ title: string; title_sort: string }>(db, sql`SELECT a.title, f.title_sort FROM agreements a JOIN agreement_search f ON f.agreement_id = a.id ORDER BY f.title_sort`);
      expect(rows).toEqual([
        { title: 'air bersih', title_sort: 'air bersih' },
        { title: 'Beasiswa Taruna', title_sort: 'beasiswa taruna' },
        { title: 'Zonasi Pesisir', title_sort: 'zonasi pesisir' },
      ]);
    } finally {
      await database.close();
      await drop();
      rmSync(folder, { recursive: true, force: true });
    }
    // Runs every migration on a fresh database, which takes a while on a busy machine.
  }, 180_000);
});
