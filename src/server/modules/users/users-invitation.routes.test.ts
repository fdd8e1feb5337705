import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/support/builders';
import { queuedMails } from '../../../../tests/support/outbox-mails';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import type { UserView } from '../../../shared/users';
import { auditLog } from '../audit/audit.table';

const OWN_PASSWORD = 'perahu-cengkih-gamalama-91';
const LINK = /\/app\/password\/set#([\w-]+)/;

// The admin creates an account without typing a password: the person gets a link to set their own.
describe('invitation instead of a first password', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
  });
  // A sign-in at a later clock sweeps the sessions expired by then, the admin's among them.
  beforeEach(async () => {
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (url: string, payload: object, cookie = admin) => t.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload });
  const tokensMailedTo = async (email: string) =>
    (await queuedMails(t.database.db, 'user')).filter((mail) => mail.to_address === email).map((mail) => LINK.exec(mail.text_body)?.[1] ?? '');
  const signIn = async (email: string, password: string) => (await call('/api/auth/login', { email, password }, '')).statusCode;

  it('mails a week-long link; re-sending replaces it; the person sets a password once and signs in', async () => {
    const email = 'arif.sangaji@ternatekota.go.id';
    const created = await call('/api/users', { email, name: 'Arif Sangaji', role: 'tkksd', invite: true });
    expect(created.statusCode).toBe(201);
    expect(created.json<UserView>().hasPendingInvitation).toBe(true);
    const { id } = created.json<UserView>();
    expect((await call(`/api/users/${id}/invitation`, {})).statusCode).toBe(200);
    const [first, second] = await tokensMailedTo(email);
    if (!first || !second) throw new Error('two invitations expected');
    expect((await call('/api/auth/password/link', { token: first }, '')).statusCode).toBe(404);

    // Still valid on the sixth day.
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 6 * 24 * 3600_000);
    try {
      expect((await call('/api/auth/password/link', { token: second }, '')).json()).toEqual({ purpose: 'invite', email, name: 'Arif Sangaji' });
      expect((await call('/api/auth/password/set', { token: second, password: OWN_PASSWORD }, '')).statusCode).toBe(204);
      expect((await call('/api/auth/password/set', { token: second, password: 'kapal-pala-halmahera-77' }, '')).statusCode).toBe(404);
      expect(await signIn(email, OWN_PASSWORD)).toBe(200);
    } finally {
      t.clock.now = start;
    }
    admin = (await t.loginAs('admin')).cookie;
    const listed = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json<UserView[]>();
    expect(listed.find((user) => user.id === id)?.hasPendingInvitation).toBe(false);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['create', 'invitation_send', 'invitation_accept']));
    expect(JSON.stringify(entries)).not.toContain(second);
    expect(JSON.stringify(entries)).not.toContain(OWN_PASSWORD);
  });

  it('expires after seven days, and nobody signs in to an invited account before the person chose a password', async () => {
    const email = 'nita.hamid@ternatekota.go.id';
    await call('/api/users', { email, name: 'Nita Hamid', role: 'pimpinan', invite: true });
    const [token] = await tokensMailedTo(email);
    if (!token) throw new Error('no invitation mailed');
    expect(await signIn(email, 'sandi-tebakan-123')).toBe(401);
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 7 * 24 * 3600_000 + 60_000);
    try {
      expect((await call('/api/auth/password/set', { token, password: OWN_PASSWORD }, '')).statusCode).toBe(404);
    } finally {
      t.clock.now = start;
    }
  });

  it('asks for a first password or an invitation, refuses an invitation to an inactive account, and only an admin invites', async () => {
    const missing = await call('/api/users', { email: 'tanpa.sandi@ternatekota.go.id', name: 'Tanpa Sandi', role: 'tkksd' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('password');
    const inactive = await buildUser(t.database.db, { role: 'tkksd', isActive: false });
    const refused = await call(`/api/users/${inactive.id}/invitation`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('isActive');
    const active = await buildUser(t.database.db, { role: 'tkksd', password: TEST_PASSWORD });
    for (const role of ['tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await call(`/api/users/${active.id}/invitation`, {}, cookie)).statusCode, role).toBe(403);
    }
    expect(await tokensMailedTo(active.email)).toEqual([]);
  });

  it('stops a pending invitation when the admin types a password for the account', async () => {
    const email = 'rahmat.umar@ternatekota.go.id';
    const { id, version } = (await call('/api/users', { email, name: 'Rahmat Umar', role: 'tkksd', invite: true })).json<UserView>();
    const [token] = await tokensMailedTo(email);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload: { password: OWN_PASSWORD, version } });
    expect(patched.json<UserView>().hasPendingInvitation).toBe(false);
    expect((await call('/api/auth/password/link', { token: token ?? '' }, '')).statusCode).toBe(404);
  });
});
