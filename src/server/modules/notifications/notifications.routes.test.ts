import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { NotificationListResponse, NotificationView } from '../../../shared/notifications';
import { act, closeTestApp, createProposalAs } from '../proposals/core/proposals.test-support';

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
});
