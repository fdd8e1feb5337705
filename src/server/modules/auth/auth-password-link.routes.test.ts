import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { queuedMails } from '../../../../tests/support/outbox-mails';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../audit/audit.table';
import { passwordLinks } from '../users/password-links.table';
import { users } from '../users/users.table';

const NEW_PASSWORD = 'perahu-cengkih-gamalama-91';
const LINK = /\/app\/password\/set#([\w-]+)/;

// A person who forgot the password sets a new one through a mailed, single-use, expiring link.
describe('forgotten password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: object, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'POST', url, payload, remoteAddress });
  const signIn = async (email: string, password: string) => {
    const response = await post('/api/auth/login', { email, password });
    return { status: response.statusCode, cookie: `${response.cookies[0]?.name ?? ''}=${response.cookies[0]?.value ?? ''}` };
  };
  const isSignedIn = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode === 200;
  // Each case from its own address, so the per-address brake of one case does not stop the next.
  let address = 0;
  const forgot = (email: string) => post('/api/auth/password/forgot', { email }, `10.0.0.${String(++address)}`);
  const tokensMailedTo = async (email: string) =>
    (await queuedMails(t.database.db, 'user')).filter((mail) => mail.to_address === email).map((mail) => LINK.exec(mail.text_body)?.[1] ?? '');

  it('mails a link that sets a new password once, ends every session, lifts the lock and is audited without the secret', async () => {
    const user = await buildUser(t.database.db, { role: 'opd', password: TEST_PASSWORD });
    const laptop = await signIn(user.email, TEST_PASSWORD);
    await t.database.db.update(users).set({ lockedUntil: new Date(t.clock.now.getTime() + 600_000) }).where(eq(users.id, user.id));
    expect((await forgot(user.email.toUpperCase())).statusCode).toBe(202);
    const [token] = await tokensMailedTo(user.email);
    if (!token) throw new Error('no link mailed');
    // Only the hash is stored.
    expect(JSON.stringify(await t.database.db.select().from(passwordLinks))).not.toContain(token);

    const read = await post('/api/auth/password/link', { token });
    expect(read.json()).toEqual({ purpose: 'reset', email: user.email, name: user.name });
    expect((await post('/api/auth/password/set', { token, password: NEW_PASSWORD })).statusCode).toBe(204);

    expect(await isSignedIn(laptop.cookie)).toBe(false);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    // Used once; a second use is refused with the message that says why.
    const again = await post('/api/auth/password/set', { token, password: 'kapal-pala-halmahera-77' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/tidak berlaku lagi/);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);

    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['password_reset_request', 'password_reset']));
    const trail = JSON.stringify(entries);
    expect(trail).not.toContain(token);
    expect(trail).not.toContain(NEW_PASSWORD);
  });

  it('answers an unknown or inactive address exactly as a known one, and mails nothing', async () => {
    const known = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const inactive = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD, isActive: false });
    const answers = await Promise.all([known.email, 'tidak.ada@ternatekota.go.id', inactive.email].map(async (email) => {
      const response = await forgot(email);
      return { status: response.statusCode, body: response.body };
    }));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await tokensMailedTo(known.email)).toHaveLength(1);
    expect(await tokensMailedTo('tidak.ada@ternatekota.go.id')).toEqual([]);
    expect(await tokensMailedTo(inactive.email)).toEqual([]);
  });

  it('refuses an expired link, one replaced by a newer mail, and a weak password under its field', async () => {
    const user = await buildUser(t.database.db, { role: 'pimpinan', password: TEST_PASSWORD });
    await forgot(user.email);
    await forgot(user.email);
    const [first, second] = await tokensMailedTo(user.email);
    if (!first || !second) throw new Error('two links expected');
    expect((await post('/api/auth/password/link', { token: first })).statusCode).toBe(404);
    const weak = await post('/api/auth/password/set', { token: second, password: 'password12' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.field).toBe('password');
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 61 * 60_000);
    try {
      const expired = await post('/api/auth/password/set', { token: second, password: NEW_PASSWORD });
      expect(expired.statusCode).toBe(404);
      expect(expired.json().error.field).toBe('token');
    } finally {
      t.clock.now = start;
    }
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('mails one account at most three links an hour, and one address may ask ten times in fifteen minutes', async () => {
    const user = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await post('/api/auth/password/forgot', { email: user.email }, '10.9.9.9');
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(await tokensMailedTo(user.email)).toHaveLength(3);
  });
});
