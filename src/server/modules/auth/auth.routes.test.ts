import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { cookieFrom, createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { MAX_FAILED_LOGINS } from './auth.service';

describe('auth routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password and sets an httpOnly session cookie', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: user.email, role: 'tkksd' });
    expect(String(response.headers['set-cookie'])).toMatch(/jalin_session=.+HttpOnly/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieFrom(response) } });
    expect(me.json().user.id).toBe(user.id);
  });

  // The web shows menus and screens from these; each is the policy's answer for the user's role.
  it('names what the user may do in the login answer and in /auth/me, by role', async () => {
    for (const [role, expected] of [
      ['admin', { 'agreements.create': true, 'admin.users': true, 'plans.inbox': false, 'dissemination.track': true }],
      ['tkksd', { 'agreements.create': false, 'admin.users': false, 'plans.inbox': false, 'dissemination.track': true }],
      ['opd', { 'agreements.create': false, 'admin.users': false, 'plans.inbox': true, 'dissemination.track': false }],
      ['pimpinan', { 'agreements.create': false, 'admin.users': false, 'plans.inbox': false, 'dissemination.track': true }],
    ] as const) {
      const { cookie } = await t.loginAs(role);
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json<{ abilities: Record<string, boolean> }>().abilities, role).toMatchObject(expected);
    }
    const user = await buildUser(t.database.db, { role: 'opd', password: TEST_PASSWORD });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(login.json<{ abilities: Record<string, boolean> }>().abilities).toMatchObject({ 'proposals.create': true, 'agreements.create': false });
  });

  it('answers 401 on a wrong password and on an unknown e-mail', async () => {
    const user = await buildUser(t.database.db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'salah-sekali' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@x.id', password: 'x' } });
    expect(unknown.statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await buildUser(t.database.db, { password: TEST_PASSWORD });
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt += 1) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'salah' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/Coba lagi/);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    const later = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(later.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const { cookie } = await t.loginAs('pimpinan');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('refuses malformed JSON with a 400 that names the body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('body');
  });

  it('refuses a login body with missing fields, naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.id' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('password');
  });
});
