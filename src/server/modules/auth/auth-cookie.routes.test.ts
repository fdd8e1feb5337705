import { afterEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';

describe('session cookie attributes', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  async function sessionCookie(env: Record<string, string>): Promise<string> {
    t = await createTestApp({ env });
    const user = await buildUser(t.database.db, { password: TEST_PASSWORD });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']);
  }

  it('is Secure, HttpOnly and SameSite=Strict when the public address is https', async () => {
    const cookie = await sessionCookie({ JALIN_PUBLIC_URL: 'https://jalin.ternatekota.go.id' });
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });

  it('is not Secure on a plain-http address, so a local install can still sign in', async () => {
    const cookie = await sessionCookie({ JALIN_PUBLIC_URL: 'http://localhost:3000' });
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });
});
