import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../tests/support/builders';
import { buildAgreement } from '../../../tests/support/registry-builders';
import { cookieFrom, TEST_PASSWORD } from '../../../tests/support/test-app';
import { TEST_DB_KIND, createEmptyPostgres, migratedPgliteSnapshot } from '../../../tests/support/test-db';
import { buildApp } from '../app';
import { parseEnv } from '../env';
import { memoryFileStore } from '../../../tests/support/test-ctx';
import { AppError } from '../lib/errors';
import { selectRows } from './bulk-sql';
import { openPglite, openPostgres, type Database, type Db } from './client';
import { copyToPostgres } from './copy-database';

// The embedded database into an empty PostgreSQL one (`npm run jalin -- database-copy`): every
// table's rows the same on both sides, the register searchable and signed into on the target, and
// a target that already holds data refused and left as it was. It needs a PostgreSQL server.

// One text per table: its rows as PostgreSQL prints them, sorted, hashed.
async function fingerprints(db: Db): Promise<Record<string, string>> {
  await db.execute(sql`SET TimeZone = 'UTC'`);
  const tables = await selectRows<{ name: string }>(db, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const entries: [string, string][] = [];
  for (const { name } of tables) {
    const [row] = await selectRows<{ digest: string }>(db, sql`SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql.identifier(name)} t`);
    entries.push([name, row?.digest ?? '']);
  }
  return Object.fromEntries(entries);
}

describe.runIf(TEST_DB_KIND === 'postgres')('copying the embedded database into PostgreSQL', () => {
  let source: Database;
  let target: { url: string; drop: () => Promise<void> };
  let email: string;
  let title: string;
  beforeAll(async () => {
    source = await openPglite({ loadDataDir: await migratedPgliteSnapshot() });
    const user = await buildUser(source.db, { role: 'admin', password: TEST_PASSWORD });
    email = user.email;
    const agreement = await buildAgreement(source.db, { partners: [{ name: 'Universitas Khairun Salinan' }, { name: 'Bank Maluku Utara Salinan' }] });
    title = agreement.title;
    for (let index = 0; index < 5; index += 1) await buildAgreement(source.db);
    target = await createEmptyPostgres();
  });
  afterAll(async () => {
    await source.close();
    await target.drop();
  });

  it('copies every table row for row, and the copy serves the register', async () => {
    const database = openPostgres(target.url, { max: 2 });
    try {
      const copied = await copyToPostgres({ source, target: database });
      expect(copied.find((table) => table.table === 'agreements')?.rows).toBe(6);
      expect(await fingerprints(database.db)).toEqual(await fingerprints(source.db));

      const env = parseEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: target.url });
      const app = await buildApp({ database, env, files: memoryFileStore(), clock: () => new Date('2026-06-15T03:00:00Z') }, { logger: false });
      try {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
        expect(login.statusCode).toBe(200);
        const found = await app.inject({ method: 'GET', url: '/api/agreements?q=khairun', headers: { cookie: cookieFrom(login) } });
        expect(found.statusCode).toBe(200);
        expect(found.json<{ items: { title: string }[] }>().items.map((item) => item.title)).toEqual([title]);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });

  it('refuses a target that holds a register, naming it, and changes nothing there', async () => {
    const database = openPostgres(target.url, { max: 2 });
    try {
      const before = await fingerprints(database.db);
      const refused = await copyToPostgres({ source, target: database }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).messageEn).toMatch(/^The target database is not empty \(\d+ tables, 7 agreements and accounts\)/);
      expect(await fingerprints(database.db)).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
