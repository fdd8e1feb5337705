import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { bootstrapDatabase } from '../../bootstrap';
import { parseEnv } from '../../env';
import { users } from './users.table';

describe('password strength', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (password: string, overrides: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { email: `budi.santoso.${String(Math.random()).slice(2, 8)}@ternatekota.go.id`, name: 'Budi Santoso', role: 'pimpinan', password, ...overrides },
    });

  it.each(['aaaaaaaaaa', '1234567890', 'password12', 'sayangku123', 'ternate12345'])('refuses the weak password %s with a bilingual reason and advice', async (password) => {
    const response = await create(password);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', field: 'password', message: expect.stringMatching(/^Kata sandi terlalu lemah.+kata acak/), messageEn: expect.stringMatching(/^The password is too weak.+random words/) });
  });

  it("refuses the user's own e-mail, name or unit as the password", async () => {
    const unit = await buildUnit(t.database.db, { name: 'Dinas Kelautan dan Perikanan' });
    const email = 'rahmawati.hasan@ternatekota.go.id';
    for (const password of [email, 'rahmawatihasan1', 'kelautanperikanan']) {
      const response = await create(password, { email, name: 'Rahmawati Hasan', role: 'opd', unitId: unit.id });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('password');
    }
    expect((await t.database.db.select().from(users)).map((user) => user.email)).not.toContain(email);
  });

  it('accepts a strong password, and the test and demo passwords', async () => {
    for (const password of ['perahu kelapa hujan jingga', TEST_PASSWORD, 'demo-rahasia-123']) {
      expect((await create(password)).statusCode).toBe(201);
    }
  });

  it('applies the same rule to a password reset', async () => {
    const created = (await create('perahu kelapa hujan jingga')).json();
    const weak = await t.app.inject({ method: 'PATCH', url: `/api/users/${String(created.id)}`, headers: { cookie: admin }, payload: { password: 'budisantoso1', version: created.version } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('password');
    const strong = await t.app.inject({ method: 'PATCH', url: `/api/users/${String(created.id)}`, headers: { cookie: admin }, payload: { password: 'jingga hujan perahu kelapa', version: created.version } });
    expect(strong.statusCode).toBe(200);
  });

  it('stops first start-up on a weak JALIN_ADMIN_PASSWORD, naming the setting', async () => {
    const { createTestDatabase } = await import('../../../../tests/support/test-db');
    const database = await createTestDatabase();
    try {
      const env = parseEnv({ JALIN_ADMIN_PASSWORD: 'admin12345', JALIN_ADMIN_EMAIL: 'admin@ternatekota.go.id' });
      await expect(bootstrapDatabase({ ...t.ctx(), db: database.db }, env)).rejects.toThrow(/JALIN_ADMIN_PASSWORD: The password is too weak/);
      expect(await database.db.select().from(users)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
