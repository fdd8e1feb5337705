import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementPayload, registryCounts } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { AgreementView, NumberDuplicateGroup } from '../../../shared/agreements';
import { MIGRATIONS_DIR, migrateDatabase, openPglite } from '../../db/client';
import { listNumberDuplicates } from './agreements.service';
import { testCtx } from '../../../../tests/support/test-ctx';

describe('agreement numbers compared by their normalised key', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = async (overrides: object) =>
    t.app.inject({ method: 'POST', url: '/api/agreements', headers: { cookie: admin }, payload: await agreementPayload(t.database.db, overrides) });

  it.each([
    ['in small letters', 'var-1/a'],
    ['with spaces around the slash', 'VAR-1 / A'],
    ['with a zero-width space', 'VAR-1/\u200BA'],
    ['with a Cyrillic А', 'VAR-1/\u0410'],
    ['byte for byte the same', 'VAR-1/A'],
  ])('refuses a second agreement numbered VAR-1/A %s with a 409 naming the field and the existing number', async (_label, variant) => {
    const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const original = `VAR-1/A/${stamp}`;
    expect((await post({ numberOurs: original })).statusCode).toBe(201);
    const before = await registryCounts(t.database.db);
    const response = await post({ numberOurs: `${variant}/${stamp}` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'CONFLICT', field: 'numberOurs' });
    expect(response.json().error.message).toContain(original);
    expect(await registryCounts(t.database.db)).toEqual(before);
  });

  it('refuses an update to a number that differs only in case or look-alike letters, and keeps the data', async () => {
    const stamp = Date.now().toString(36);
    expect((await post({ numberOurs: `UPD-7/KB/${stamp}` })).statusCode).toBe(201);
    const other = (await post({ numberOurs: `UPD-8/KB/${stamp}` })).json<AgreementView>();
    const response = await t.app.inject({ method: 'PATCH', url: `/api/agreements/${other.id}`, headers: { cookie: admin }, payload: { numberOurs: `upd-7 / кв/${stamp}`, version: 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ field: 'numberOurs' });
    expect(response.json().error.message).toContain(`UPD-7/KB/${stamp}`);
    const after = await t.app.inject({ method: 'GET', url: `/api/agreements/${other.id}`, headers: { cookie: admin } });
    expect(after.json()).toMatchObject({ numberOurs: `UPD-8/KB/${stamp}`, version: 1 });
    // Its own number typed differently is no clash.
    const same = await t.app.inject({ method: 'PATCH', url: `/api/agreements/${other.id}`, headers: { cookie: admin }, payload: { numberOurs: `upd-8/kb/${stamp}`, version: 1 } });
    expect(same.statusCode).toBe(200);
  });

  it('lets only the admin list duplicate numbers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/agreements/number-duplicates', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([]);
    const { cookie } = await t.loginAs('tkksd');
    expect((await t.app.inject({ method: 'GET', url: '/api/agreements/number-duplicates', headers: { cookie } })).statusCode).toBe(403);
  });
});

// The migrations folder without the one that introduces number keys (and those after it).
function migrationsBeforeNumberKeys(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'jalin-migrations-'));
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag.endsWith('_agreement_number_key'));
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

describe('the number-key migration on a register that already holds such duplicates', () => {
  it('migrates, keeps every row, flags the younger duplicates and reports them; new ones are refused', async () => {
    const database = await openPglite();
    const folder = migrationsBeforeNumberKeys();
    try {
      await migrate(database.db as never, { migrationsFolder: folder });
      const insert = (number: string, title: string, at: string) => database.db.execute(sql`
        INSERT INTO agreements (doc_type, kind, title, number_ours, primary_sector_code, created_at)
        VALUES ('KB', 'KSDPK', ${title}, ${number}, 'pendidikan', ${at}::timestamptz)`);
      await insert('VAR-1/A', 'Naskah pertama', '2020-01-01T00:00:00Z');
      await insert('var-1 / a', 'Naskah kedua', '2021-01-01T00:00:00Z');
      await insert('VAR-1/\u0410', 'Naskah ketiga', '2022-01-01T00:00:00Z');
      await insert('LAIN/1', 'Naskah lain', '2022-01-01T00:00:00Z');
      await migrateDatabase(database);
      const rows: unknown = await database.db.execute(sql`SELECT title, number_ours, number_key, number_key_duplicate FROM agreements ORDER BY created_at, title`);
      expect((rows as { rows: unknown[] }).rows).toEqual([
        { title: 'Naskah pertama', number_ours: 'VAR-1/A', number_key: 'var-1/a', number_key_duplicate: false },
        { title: 'Naskah kedua', number_ours: 'var-1 / a', number_key: 'var-1/a', number_key_duplicate: true },
        { title: 'Naskah ketiga', number_ours: 'VAR-1/\u0410', number_key: 'var-1/a', number_key_duplicate: true },
        { title: 'Naskah lain', number_ours: 'LAIN/1', number_key: 'lain/1', number_key_duplicate: false },
      ]);
      const groups: NumberDuplicateGroup[] = await listNumberDuplicates(testCtx({ db: database.db, actor: null, now: new Date() }));
      expect(groups).toHaveLength(1);
      expect(groups[0]?.key).toBe('var-1/a');
      expect(groups[0]?.agreements.map((agreement) => agreement.numberOurs)).toEqual(['VAR-1/A', 'var-1 / a', 'VAR-1/\u0410']);
      // The unique index guards the key from now on.
      const another = database.db.execute(sql`INSERT INTO agreements (doc_type, kind, title, number_ours, number_key, primary_sector_code) VALUES ('KB', 'KSDPK', 'Naskah baru', 'VAR-1/a', 'var-1/a', 'pendidikan')`);
      await expect(another).rejects.toThrow();
      // Running the start-up again changes nothing.
      await migrateDatabase(database);
      expect(await listNumberDuplicates(testCtx({ db: database.db, actor: null, now: new Date() }))).toEqual(groups);
    } finally {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    }
    // Runs every migration on a fresh database, which takes a while on a busy machine.
  }, 180_000);
});
