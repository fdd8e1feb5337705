import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../../../tests/support/builders';
import { cookieFrom, createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import type { UserView } from '../../../shared/users';
import { auditLog } from '../audit/audit.table';

describe('users routes', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const login = await t.loginAs('admin');
    admin = login.cookie;
    adminId = login.user.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const signIn = async (email: string) => cookieFrom(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } }));
  const isSignedIn = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode === 200;

  it('lets only an admin list, create or change accounts', async () => {
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await call('GET', '/api/users', cookie)).statusCode, role).toBe(403);
    }
    const response = await call('GET', '/api/users', admin);
    expect(response.statusCode).toBe(200);
    expect(response.json<UserView[]>().map((user) => user.id)).toContain(adminId);
  });

  it('creates an OPD account bound to its OPD and audits it without the password', async () => {
    const unit = await buildUnit(t.database.db);
    const payload = { email: 'liaison.dinas@ternatekota.go.id', name: 'Liaison Dinas', role: 'opd', unitId: unit.id, password: 'perahu kelapa hujan jingga' };
    const response = await call('POST', '/api/users', admin, payload);
    expect(response.statusCode).toBe(201);
    const created = response.json<UserView>();
    expect(created).toMatchObject({ email: payload.email, role: 'opd', unitId: unit.id, isActive: true, version: 1 });
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ entity: 'user', action: 'create' });
    expect(JSON.stringify(entry?.changes)).not.toContain(payload.password);
    expect((await call('POST', '/api/users', admin, payload)).statusCode).toBe(409);
  });

  it('refuses an OPD account without an OPD, or with an unknown one, naming unitId', async () => {
    const base = { name: 'Tanpa OPD', role: 'opd', password: 'perahu kelapa hujan jingga' };
    const missing = await call('POST', '/api/users', admin, { ...base, email: 'tanpa.opd@ternatekota.go.id' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('unitId');
    const unknown = await call('POST', '/api/users', admin, { ...base, email: 'opd.hilang@ternatekota.go.id', unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('unitId');
  });

  it('ends the open sessions of an account whose role changes, and keeps them on a rename', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const session = await signIn(user.email);
    const renamed = await call('PATCH', `/api/users/${user.id}`, admin, { name: 'Nama Baru', version: user.version });
    expect(renamed.statusCode).toBe(200);
    expect(await isSignedIn(session)).toBe(true);
    const demoted = await call('PATCH', `/api/users/${user.id}`, admin, { role: 'pimpinan', version: renamed.json<UserView>().version });
    expect(demoted.statusCode).toBe(200);
    expect(await isSignedIn(session)).toBe(false);
  });

  it('ends the open sessions of a deactivated account', async () => {
    const user = await buildUser(t.database.db, { role: 'pimpinan', password: TEST_PASSWORD });
    const session = await signIn(user.email);
    expect((await call('PATCH', `/api/users/${user.id}`, admin, { isActive: false, version: user.version })).statusCode).toBe(200);
    expect(await isSignedIn(session)).toBe(false);
  });

  it("refuses to deactivate or demote the admin's own account, naming role", async () => {
    const [me] = (await call('GET', '/api/users', admin)).json<UserView[]>().filter((user) => user.id === adminId);
    for (const change of [{ isActive: false }, { role: 'tkksd' }]) {
      const response = await call('PATCH', `/api/users/${adminId}`, admin, { ...change, version: me?.version });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().error.field).toBe('role');
    }
    expect(await isSignedIn(admin)).toBe(true);
  });

  it('answers 409 to a stale version and 404 to an unknown account', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd' });
    expect((await call('PATCH', `/api/users/${user.id}`, admin, { name: 'Sekali', version: user.version })).statusCode).toBe(200);
    expect((await call('PATCH', `/api/users/${user.id}`, admin, { name: 'Dua Kali', version: user.version })).statusCode).toBe(409);
    expect((await call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', admin, { name: 'Siapa', version: 1 })).statusCode).toBe(404);
  });
});
