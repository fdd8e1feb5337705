import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { ProposalBoard, ProposalDurations, ProposalDurationStats } from '../../../../shared/proposal-durations';
import { act, closeTestApp, createProposalAs, uploadAll } from '../core/proposals.test-support';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;
const START = new Date('2026-03-02T01:00:00Z');
const daysAfter = (days: number) => new Date(START.getTime() + days * 86_400_000);

// Registration takes 3 days for the first proposal and 9 for the second (target 7); both then wait
// at the TKKSD stage (target 14) until day 25.
describe('proposal durations, board and duration statistics', () => {
  let t: TestApp;
  let unitId: string;
  let quick: string;
  let slow: string;
  const admin = async () => (await t.loginAs('admin')).cookie;
  const opd = async () => (await t.loginAs('opd', { unitId })).cookie;
  // The caller names the answer's type, as with response.json<T>().
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const get = async <T>(url: string, cookie: string): Promise<{ status: number; body: T }> => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    t = await createTestApp({ now: START });
    const first = await t.loginAs('opd');
    unitId = first.user.unitId ?? '';
    const a = await createProposalAs(t, first.cookie, { title: 'Usulan cepat diverifikasi' });
    const b = await createProposalAs(t, first.cookie, { title: 'Usulan lambat diverifikasi' });
    [quick, slow] = [a.id, b.id];
    t.clock.now = daysAfter(1);
    const owner = await opd();
    for (const id of [quick, slow]) {
      expect((await act(t, owner, id, 'submit')).statusCode).toBe(200);
      await uploadAll(t, owner, id, REGISTRATION_OPD);
    }
    t.clock.now = daysAfter(4);
    expect((await act(t, await admin(), quick, 'validate')).statusCode).toBe(200);
    t.clock.now = daysAfter(10);
    expect((await act(t, await admin(), slow, 'validate')).statusCode).toBe(200);
    t.clock.now = daysAfter(25);
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('gives the days of each stage against its target, with the overdue ones marked', async () => {
    const { status, body } = await get<ProposalDurations>(`/api/proposals/${slow}/durations`, await admin());
    expect(status).toBe(200);
    const [registration, review, offer] = body.stages;
    expect(registration).toMatchObject({ stageCode: 'registrasi_validasi', days: 9, targetDays: 7, isOverdue: true, isCurrent: false, status: 'selesai' });
    expect(review).toMatchObject({ stageCode: 'pembahasan_tkksd', days: 15, targetDays: 14, isOverdue: true, isCurrent: true, status: 'berjalan' });
    expect(offer).toMatchObject({ stageCode: 'penawaran_tanggapan', days: null, isOverdue: false });
    expect(body).toMatchObject({ totalDays: 24, isOverdue: true });
    const quickOne = await get<ProposalDurations>(`/api/proposals/${quick}/durations`, await opd());
    expect(quickOne.body.stages[0]).toMatchObject({ days: 3, isOverdue: false });
    expect(quickOne.body.stages[1]).toMatchObject({ days: 21, isOverdue: true });
  });

  it('refuses the durations of another OPD’s proposal', async () => {
    const stranger = (await t.loginAs('opd')).cookie;
    expect((await get<ApiErrorBody>(`/api/proposals/${slow}/durations`, stranger)).status).toBe(403);
  });

  it('puts each proposal in the column of its stage with its days there and an overdue flag', async () => {
    const { status, body } = await get<ProposalBoard>('/api/proposals/board?kind=KSDPK', await admin());
    expect(status).toBe(200);
    expect(body.columns[0]?.stageCode).toBe('registrasi_validasi');
    expect(body.columns.map((column) => column.stageCode)).toContain('persetujuan_dprd');
    const review = body.columns.find((column) => column.stageCode === 'pembahasan_tkksd');
    expect(review?.cards.map((card) => [card.id, card.daysInStage, card.targetDays, card.isOverdue])).toEqual([
      [quick, 21, 14, true],
      [slow, 15, 14, true],
    ]);
    expect(body.total).toBe(2);
  });

  it('joins the stages of all kinds in procedure order and keeps a shared stage one column', async () => {
    const { body } = await get<ProposalBoard>('/api/proposals/board', await admin());
    const codes = body.columns.map((column) => column.stageCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.indexOf('registrasi_validasi')).toBe(0);
    expect(codes.indexOf('pembahasan_tkksd')).toBeLessThan(codes.indexOf('penawaran_tanggapan'));
    expect(body.kind).toBeNull();
    expect(body.total).toBe(2);
  });

  it('shows an OPD only its own proposals on the board, and a reviewer without assignments none', async () => {
    expect((await get<ProposalBoard>('/api/proposals/board', await opd())).body.total).toBe(2);
    expect((await get<ProposalBoard>('/api/proposals/board', (await t.loginAs('opd')).cookie)).body.total).toBe(0);
    expect((await get<ProposalBoard>('/api/proposals/board', (await t.loginAs('tkksd')).cookie)).body.total).toBe(0);
  });

  it('gives the median days per stage and per kind of the stages closed in the period', async () => {
    const url = '/api/stats/proposal-durations?from=2026-03-01&to=2026-03-31';
    for (const role of ['admin', 'tkksd', 'pimpinan'] as const) {
      const { status, body } = await get<ProposalDurationStats>(url, (await t.loginAs(role)).cookie);
      expect(status, role).toBe(200);
      const ksdpk = body.kinds.find((kind) => kind.kind === 'KSDPK');
      expect(ksdpk?.stages[0], role).toMatchObject({ stageCode: 'registrasi_validasi', medianDays: 6, count: 2, overdueCount: 1, targetDays: 7 });
      // The TKKSD stage has not closed for either proposal yet.
      expect(ksdpk?.stages[1]).toMatchObject({ stageCode: 'pembahasan_tkksd', medianDays: null, count: 0 });
      expect(body.kinds.find((kind) => kind.kind === 'KSDD')?.stages[0]?.count).toBe(0);
    }
  });

  it('counts only the stages closed inside the period', async () => {
    const { body } = await get<ProposalDurationStats>('/api/stats/proposal-durations?from=2026-03-07&to=2026-03-31', await admin());
    expect(body.kinds.find((kind) => kind.kind === 'KSDPK')?.stages[0]).toMatchObject({ medianDays: 9, count: 1 });
  });

  it('gives an OPD the medians of its own OPD only', async () => {
    const url = '/api/stats/proposal-durations?from=2026-03-01&to=2026-03-31';
    expect((await get<ProposalDurationStats>(url, await opd())).body.kinds.find((kind) => kind.kind === 'KSDPK')?.stages[0]?.count).toBe(2);
    expect((await get<ProposalDurationStats>(url, (await t.loginAs('opd')).cookie)).body.kinds.find((kind) => kind.kind === 'KSDPK')?.stages[0]?.count).toBe(0);
  });

  it('rejects a period that ends before it starts, or a date that is not one, naming the field', async () => {
    const cookie = await admin();
    const reversed = await get<ApiErrorBody>('/api/stats/proposal-durations?from=2026-04-01&to=2026-03-01', cookie);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.field).toBe('from');
    const bad = await get<ApiErrorBody>('/api/stats/proposal-durations?from=2026-13-45&to=2026-03-01', cookie);
    expect(bad.status).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/proposal-durations?from=2026-03-01&to=2026-03-31' })).statusCode).toBe(401);
  });
});
