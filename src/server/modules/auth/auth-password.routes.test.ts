import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { buildUser } from '../../../../tests/support/builders';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { users } from '../users/users.table';

const NEW_PASSWORD = 'perahu-cengkih-gamalama-91';

// A person changes their own password and signs out of their other devices, without an admin.
describe('account self-service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    return { status: response.statusCode, cookie: `${response.cookies[0]?.name ?? ''}=${response.cookies[0]?.value ?? ''}` };
  }
  const post = (url: string, cookie: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const isSignedIn = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode === 200;

  it.each(['admin', 'tkksd', 'opd', 'pimpinan'] as Role[])('lets %s change their own password: this device stays signed in, the others are signed out', async (role) => {
    const user = await buildUser(t.database.db, { role, password: TEST_PASSWORD });
    const here = await signIn(user.email, TEST_PASSWORD);
    const phone = await signIn(user.email, TEST_PASSWORD);
    const response = await post('/api/auth/password', here.cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ endedSessions: 1 });
    expect(await isSignedIn(here.cookie)).toBe(true);
    expect(await isSignedIn(phone.cookie)).toBe(false);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id)).then((rows) => rows.filter((row) => row.action === 'password_change'));
    // Recorded, the password itself never.
    expect(JSON.stringify(entry?.changes)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password, a weak or unchanged new one, each under its field, and changes nothing', async () => {
    const user = await buildUser(t.database.db, { role: 'opd', password: TEST_PASSWORD });
    const { cookie } = await signIn(user.email, TEST_PASSWORD);
    const [before] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    const cases: [object, string][] = [
      [{ currentPassword: 'bukan-sandi-saya-1', newPassword: NEW_PASSWORD }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'password12' }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD }, 'newPassword'],
    ];
    for (const [payload, field] of cases) {
      const response = await post('/api/auth/password', cookie, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.field).toBe(field);
      expect(response.json().error.messageEn).toBeTruthy();
    }
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });

  it('locks the account after repeated wrong current passwords, as signing in does', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const { cookie } = await signIn(user.email, TEST_PASSWORD);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await post('/api/auth/password', cookie, { currentPassword: `salah-${attempt}-sandi`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    expect((await post('/api/auth/password', cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(429);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('signs out of the other devices only', async () => {
    const user = await buildUser(t.database.db, { role: 'pimpinan', password: TEST_PASSWORD });
    const [here, laptop, phone] = [await signIn(user.email, TEST_PASSWORD), await signIn(user.email, TEST_PASSWORD), await signIn(user.email, TEST_PASSWORD)];
    const response = await post('/api/auth/sessions/end-others', here.cookie);
    expect(response.json()).toEqual({ endedSessions: 2 });
    expect([await isSignedIn(here.cookie), await isSignedIn(laptop.cookie), await isSignedIn(phone.cookie)]).toEqual([true, false, false]);
  });

  it('answers 401 without a session', async () => {
    expect((await post('/api/auth/password', '', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/auth/sessions/end-others', '')).statusCode).toBe(401);
  });
});
