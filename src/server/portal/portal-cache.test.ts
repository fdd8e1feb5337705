import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../tests/support/registry-builders';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db';
import { createPageCache, type PageCache } from './portal-cache';

// The cache's signature is made of parts each module gives; an edit in any of them must show.
describe('the portal page cache signature', () => {
  let database: TestDatabase;
  let cache: PageCache;
  const now = new Date('2026-12-04T03:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    cache = createPageCache(database.db, 0);
    await buildAgreement(database.db);
    await database.db.execute(sql`INSERT INTO sectors (code, name) VALUES ('uji', 'Sektor uji')`);
    await database.db.execute(sql`INSERT INTO settings (key, value) VALUES ('uji', '1'::jsonb)`);
  });

  afterAll(async () => {
    await database.close();
  });

  const edits: [string, string][] = [
    ['an agreement edited', 'UPDATE agreements SET version = version + 1'],
    ['the registry revision bumped', 'UPDATE registry_revision SET revision = revision + 1'],
    ['a sector renamed', "UPDATE sectors SET name = 'Sektor uji 2', version = version + 1 WHERE code = 'uji'"],
    ['a setting changed', "UPDATE settings SET value = '2'::jsonb, version = version + 1 WHERE key = 'uji'"],
  ];

  it.each(edits)('changes when %s', async (_what, statement) => {
    const before = await cache.signature(now);
    await database.db.execute(sql.raw(statement));
    expect(await cache.signature(now)).not.toBe(before);
  });

  it('stays the same when nothing changed, and changes with Ternate\'s day', async () => {
    const first = await cache.signature(now);
    expect(await cache.signature(now)).toBe(first);
    expect(await cache.signature(new Date('2026-12-04T16:00:00Z'))).not.toBe(first);
  });
});
