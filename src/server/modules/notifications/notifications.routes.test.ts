import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { NotificationHistoryResponse, NotificationListResponse, NotificationView } from '../../../shared/notifications';
import { act, closeTestApp, createProposalAs } from '../proposals/core/proposals.test-support';
import { notifyUsers } from './notifications.service';

describe('notifications', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let colleague: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const login = await t.loginAs('opd');
    opd = login.cookie;
    colleague = (await t.loginAs('opd', { unitId: login.user.unitId ?? '' })).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const list = async (cookie: string, query = ''): Promise<NotificationListResponse> =>
    (await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: { cookie } })).json();
  const read = (cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: { cookie } });

  it('tells the division of a submitted proposal and the initiating OPD of what the division did', async () => {
    const view = await createProposalAs(t, opd, { title: 'Kerja sama beasiswa sekolah kedinasan perhubungan' });
    await act(t, opd, view.id, 'submit');
    const forAdmin = await list(admin);
    expect(forAdmin.items[0]).toMatchObject({ kind: 'proposal_submit', entity: 'proposal', entityId: view.id, link: `/app/proposals/${view.id}`, readAt: null });
    expect(forAdmin.items[0]?.title).toContain(view.trackingCode);
    await act(t, admin, view.id, 'send_back', { note: 'Lampirkan KAK yang ditandatangani.' });
    for (const cookie of [opd, colleague]) {
      const mine = await list(cookie);
      expect(mine.items[0]).toMatchObject({ kind: 'proposal_send_back', entityId: view.id });
      expect(mine.items[0]?.body).toContain('Lampirkan KAK yang ditandatangani.');
    }
    expect((await list(opd)).items.some((item) => item.kind === 'proposal_submit')).toBe(false);
  });

  it('counts unread notices, marks one read and then all', async () => {
    const view = await createProposalAs(t, opd);
    await act(t, opd, view.id, 'submit');
    await act(t, admin, view.id, 'reject', { note: 'Di luar kewenangan daerah.' });
    const before = await list(opd);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const first = before.items[0] as NotificationView;
    const marked = await read(opd, first.id);
    expect(marked.statusCode).toBe(200);
    expect(marked.json<NotificationView>().readAt).toBe(t.clock.now.toISOString());
    expect((await list(opd)).unreadCount).toBe(before.unreadCount - 1);
    expect((await list(opd, '?unreadOnly=1')).items.map((item) => item.id)).not.toContain(first.id);
    const all = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: opd } });
    expect(all.json()).toEqual({ updated: before.unreadCount - 1 });
    expect((await list(opd)).unreadCount).toBe(0);
  });

  it("answers 404 to someone else's notice and 401 without a session", async () => {
    const view = await createProposalAs(t, opd);
    await act(t, opd, view.id, 'submit');
    const [notice] = (await list(admin)).items;
    const { cookie: pimpinan } = await t.loginAs('pimpinan');
    expect((await read(pimpinan, notice?.id ?? '')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${notice?.id ?? ''}/read` })).statusCode).toBe(401);
    expect((await list(pimpinan)).items).toEqual([]);
  });

  describe('inbox history', () => {
    const history = async (cookie: string, query = '') => t.app.inject({ method: 'GET', url: `/api/notifications/history${query}`, headers: { cookie } });
    // Five notices a minute apart for one reader, one for another: the page must hold only the reader's.
    const seed = async () => {
      const reader = await t.loginAs('tkksd');
      const other = await t.loginAs('tkksd');
      const start = Date.parse('2026-03-02T01:00:00Z');
      for (let index = 0; index < 5; index += 1) {
        await notifyUsers({ db: t.database.db, now: new Date(start + index * 60_000) }, { userIds: [reader.user.id], notice: { kind: 'test', title: `Pemberitahuan ${String(index + 1)}`, link: `/app/proposals/${String(index)}` } });
      }
      await notifyUsers({ db: t.database.db, now: new Date(start + 10 * 60_000) }, { userIds: [other.user.id], notice: { kind: 'test', title: 'Milik orang lain' } });
      return { reader: reader.cookie, other: other.cookie };
    };

    it("pages the reader's own notices newest first, with the total, and never another person's", async () => {
      const { reader, other } = await seed();
      const first = (await history(reader, '?pageSize=2')).json<NotificationHistoryResponse>();
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2, unreadCount: 5 });
      expect(first.items.map((item) => item.title)).toEqual(['Pemberitahuan 5', 'Pemberitahuan 4']);
      const last = (await history(reader, '?pageSize=2&page=3')).json<NotificationHistoryResponse>();
      expect(last.items.map((item) => item.title)).toEqual(['Pemberitahuan 1']);
      expect(last.items[0]?.link).toBe('/app/proposals/0');
      const theirs = (await history(other)).json<NotificationHistoryResponse>();
      expect(theirs.items.map((item) => item.title)).toEqual(['Milik orang lain']);
      expect(theirs.total).toBe(1);
    });

    it('filters unread, follows a notice marked read and then all', async () => {
      const { reader } = await seed();
      const all = (await history(reader)).json<NotificationHistoryResponse>();
      const newest = all.items[0] as NotificationView;
      expect((await read(reader, newest.id)).statusCode).toBe(200);
      const unread = (await history(reader, '?filter=unread')).json<NotificationHistoryResponse>();
      expect(unread).toMatchObject({ total: 4, unreadCount: 4 });
      expect(unread.items.map((item) => item.id)).not.toContain(newest.id);
      expect((await history(reader)).json<NotificationHistoryResponse>().items[0]?.readAt).toBe(t.clock.now.toISOString());
      await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: reader } });
      expect((await history(reader, '?filter=unread')).json<NotificationHistoryResponse>()).toMatchObject({ items: [], total: 0, unreadCount: 0 });
      expect((await history(reader)).json<NotificationHistoryResponse>().total).toBe(5);
    });

    it('names the field of a bad page request and answers 401 without a session', async () => {
      const { reader } = await seed();
      const bad = await history(reader, '?filter=semua&pageSize=0');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/filter|pageSize/);
      expect((await t.app.inject({ method: 'GET', url: '/api/notifications/history' })).statusCode).toBe(401);
    });
  });
});
