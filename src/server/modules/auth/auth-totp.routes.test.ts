import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { userTotp } from '../users/user-totp.table';

// The code an authenticator app shows for a secret at a moment (the app's side, computed here).
function codeAt(secret: string, at: Date): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });
}

// Two-step sign-in: set up with the password and a first code, then asked at every sign-in.
describe('two-step sign-in (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, cookie: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const signIn = (email: string, extra: object = {}) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD, ...extra } });
  const later = (seconds: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
  };

  async function enabledAccount() {
    const user = await buildUser(t.database.db, { role: 'admin', password: TEST_PASSWORD });
    const signedIn = await signIn(user.email);
    const cookie = `${signedIn.cookies[0]?.name ?? ''}=${signedIn.cookies[0]?.value ?? ''}`;
    const setup = await post('/api/auth/totp/setup', cookie, { password: TEST_PASSWORD });
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qrSvg } = setup.json<{ secret: string; uri: string; qrSvg: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jalin:.+secret=/);
    expect(qrSvg).toContain('<svg');
    const confirmed = await post('/api/auth/totp/confirm', cookie, { code: codeAt(secret, t.clock.now) });
    expect(confirmed.json()).toMatchObject({ isEnabled: true });
    return { user, cookie, secret };
  }

  it('asks for the code once it is on, accepts the right one once, and refuses a replay or a wrong one', async () => {
    const { user, secret } = await enabledAccount();
    later(60);
    const withoutCode = await signIn(user.email);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().error).toMatchObject({ field: 'totpCode' });
    expect(withoutCode.cookies).toHaveLength(0);
    const wrong = await signIn(user.email, { totpCode: '000000' === codeAt(secret, t.clock.now) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    const code = codeAt(secret, t.clock.now);
    const right = await signIn(user.email, { totpCode: code });
    expect(right.statusCode).toBe(200);
    // The same code a second time (seen over a shoulder) is refused.
    const replay = await signIn(user.email, { totpCode: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.field).toBe('totpCode');
  });

  it('counts wrong codes towards the sign-in lock', async () => {
    const { user, secret } = await enabledAccount();
    later(60);
    const wrongCode = codeAt(secret, new Date(t.clock.now.getTime() + 10 * 60_000));
    for (let i = 0; i < 5; i += 1) await signIn(user.email, { totpCode: wrongCode });
    const locked = await signIn(user.email, { totpCode: codeAt(secret, t.clock.now) });
    expect(locked.statusCode).toBe(429);
  });

  it('is not turned on by a set-up whose code never came, nor by a wrong first code', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const cookie = `jalin_session=${(await signIn(user.email)).cookies[0]?.value ?? ''}`;
    const refused = await post('/api/auth/totp/setup', cookie, { password: 'bukan-sandi-saya-1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('password');
    const { secret } = (await post('/api/auth/totp/setup', cookie, { password: TEST_PASSWORD })).json<{ secret: string }>();
    const wrong = await post('/api/auth/totp/confirm', cookie, { code: codeAt(secret, new Date(t.clock.now.getTime() + 10 * 60_000)) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('code');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/totp', headers: { cookie } })).json()).toEqual({ isEnabled: false, enabledAt: null });
    expect((await signIn(user.email)).statusCode).toBe(200);
  });

  it('is turned off by its owner with the password, or by an admin for someone who lost the phone, each audited without the secret', async () => {
    const own = await enabledAccount();
    expect((await post('/api/auth/totp/disable', own.cookie, { password: 'bukan-sandi-saya-1' })).statusCode).toBe(400);
    expect((await post('/api/auth/totp/disable', own.cookie, { password: TEST_PASSWORD })).json()).toEqual({ isEnabled: false, enabledAt: null });
    expect((await signIn(own.user.email)).statusCode).toBe(200);

    const lost = await enabledAccount();
    const admin = await t.loginAs('admin');
    const hasTwoStep = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } })).json<{ id: string; hasTwoStep: boolean }[]>().find((row) => row.id === lost.user.id)?.hasTwoStep;
    // The admin's list says who has it on.
    expect(await hasTwoStep()).toBe(true);
    expect((await post(`/api/users/${lost.user.id}/totp/reset`, admin.cookie)).statusCode).toBe(200);
    expect(await hasTwoStep()).toBe(false);
    expect(await t.database.db.select().from(userTotp).where(eq(userTotp.userId, lost.user.id))).toEqual([]);
    expect((await signIn(lost.user.email)).statusCode).toBe(200);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, lost.user.id));
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['totp_enable', 'totp_disable']));
    expect(JSON.stringify(entries)).not.toContain(lost.secret);
  });

  it('lets only an admin turn it off for another account', async () => {
    const lost = await enabledAccount();
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const other = await t.loginAs(role);
      expect((await post(`/api/users/${lost.user.id}/totp/reset`, other.cookie)).statusCode, role).toBe(403);
    }
    expect((await signIn(lost.user.email)).statusCode).toBe(401);
  });
});
