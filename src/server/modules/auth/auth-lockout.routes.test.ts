import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { MAX_FAILED_LOGINS } from './auth.service';

// The lock must hold when wrong passwords arrive together, not only one after another:
// a count read and then written back lets every concurrent failure overwrite the others.
describe('login lockout under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks the account after 25 concurrent wrong passwords, so the right one is then refused', async () => {
    const user = await buildUser(t.database.db, { password: TEST_PASSWORD });
    const attempts = Array.from({ length: 25 }, () =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'salah-sekali-lagi' } }),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(MAX_FAILED_LOGINS);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('TOO_MANY_REQUESTS');
  });
});
