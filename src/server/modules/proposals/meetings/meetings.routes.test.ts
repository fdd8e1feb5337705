import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { CreateMeetingInput, MeetingListResponse, MeetingView } from '../../../../shared/proposal-reviews';
import { auditLog } from '../../audit/audit.table';
import { act, closeTestApp, createProposalAs, readProposal, uploadAll } from '../core/proposals.test-support';

const REGISTRATION_OPD = ['kak', 'studi_kelayakan', 'surat_inisiasi', 'sk_ppksd'] as const;

describe('discussion meetings', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let otherOpd: string;
  let pimpinan: string;
  let reviewer: { cookie: string; id: string };
  let outsider: string;
  let proposalId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
    otherOpd = (await t.loginAs('opd')).cookie;
    pimpinan = (await t.loginAs('pimpinan')).cookie;
    outsider = (await t.loginAs('tkksd')).cookie;
    const { cookie, user } = await t.loginAs('tkksd');
    reviewer = { cookie, id: user.id };
    // A proposal at the TKKSD stage with one assigned reviewer.
    const view = await createProposalAs(t, opd);
    await act(t, opd, view.id, 'submit');
    await uploadAll(t, opd, view.id, REGISTRATION_OPD);
    await act(t, admin, view.id, 'validate');
    const review = await t.app.inject({ method: 'POST', url: `/api/proposals/${view.id}/review`, headers: { cookie: admin }, payload: { tiers: [{ rule: 'all', reviewerIds: [reviewer.id] }] } });
    expect(review.statusCode, review.body).toBe(201);
    proposalId = view.id;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const meeting = (overrides: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
    heldAt: '2026-06-18T10:00:00+09:00',
    place: 'Ruang Rapat Bagian Kerja Sama, Kantor Wali Kota Ternate',
    attendees: [{ name: 'Kepala Bagian Kerja Sama', role: 'Ketua TKKSD' }, { name: 'Perwakilan pemrakarsa' }],
    minutes: 'TKKSD membahas ruang lingkup pelatihan dan pembiayaan.',
    decisions: ['Ruang lingkup dipersempit ke pasar Gamalama'],
    followUps: [{ text: 'Revisi KAK dengan peta lokasi', owner: 'Dinas Koperasi dan UKM', dueDate: '2026-06-25', done: false }],
    ...overrides,
  });
  const record = (cookie: string, body: unknown = meeting(), id = proposalId) => t.app.inject({ method: 'POST', url: `/api/proposals/${id}/meetings`, headers: { cookie }, payload: body as object });
  const edit = (cookie: string, id: string, body: object) => t.app.inject({ method: 'PATCH', url: `/api/proposal-meetings/${id}`, headers: { cookie }, payload: body });
  const list = (cookie: string) => t.app.inject({ method: 'GET', url: `/api/proposals/${proposalId}/meetings`, headers: { cookie } });

  it('records a meeting with its attendees, decisions and follow-ups, on the timeline and in the audit', async () => {
    const response = await record(admin, meeting({ attendees: [{ name: 'Anggota TKKSD', userId: reviewer.id }] }));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<MeetingView>();
    expect(created).toMatchObject({ heldAt: '2026-06-18T01:00:00.000Z', version: 1, decisions: ['Ruang lingkup dipersempit ke pasar Gamalama'] });
    expect(created.followUps).toEqual([{ text: 'Revisi KAK dengan peta lokasi', owner: 'Dinas Koperasi dan UKM', dueDate: '2026-06-25', done: false }]);
    const timeline = (await readProposal(t, admin, proposalId)).timeline;
    expect(timeline.filter((event) => event.action === 'meeting_recorded')).toHaveLength(1);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal_meeting'), eq(auditLog.entityId, created.id)));
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('lets the assigned reviewer record a meeting too, by link', async () => {
    const response = await record(reviewer.cookie, meeting({ place: null, link: 'https://meet.example.org/tkksd-ternate' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<MeetingView>()).toMatchObject({ place: null, link: 'https://meet.example.org/tkksd-ternate' });
  });

  it('shows the meetings to staff who read the proposal; only the division and its reviewers record them', async () => {
    for (const cookie of [admin, opd, pimpinan, reviewer.cookie]) {
      const response = await list(cookie);
      expect(response.statusCode).toBe(200);
      expect(response.json<MeetingListResponse>().items.length).toBeGreaterThan(0);
    }
    for (const cookie of [otherOpd, outsider]) expect((await list(cookie)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${proposalId}/meetings` })).statusCode).toBe(401);
    for (const cookie of [opd, pimpinan, outsider, otherOpd]) expect((await record(cookie)).statusCode).toBe(403);
  });

  it('tells each reader whether they may record and edit meetings, and nobody once the proposal is closed', async () => {
    const canRecord = async (cookie: string, id = proposalId) =>
      (await t.app.inject({ method: 'GET', url: `/api/proposals/${id}/meetings`, headers: { cookie } })).json<MeetingListResponse>().canRecord;
    expect([await canRecord(admin), await canRecord(reviewer.cookie), await canRecord(opd), await canRecord(pimpinan)]).toEqual([true, true, false, false]);
    const withdrawn = await createProposalAs(t, opd);
    expect((await act(t, opd, withdrawn.id, 'withdraw')).statusCode).toBe(200);
    expect(await canRecord(admin, withdrawn.id)).toBe(false);
  });

  it('edits with the version it was read at: a follow-up done, the rest kept; a stale edit is refused', async () => {
    const created = (await record(admin)).json<MeetingView>();
    const followUps = created.followUps.map((item) => ({ ...item, done: true }));
    const done = await edit(admin, created.id, { followUps, version: created.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<MeetingView>()).toMatchObject({ version: 2, decisions: created.decisions, minutes: created.minutes, followUps: [{ done: true }] });
    const stale = await edit(admin, created.id, { minutes: 'Versi lama menimpa.', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ApiErrorBody>().error.code).toBe('STALE');
    expect((await edit(opd, created.id, { minutes: 'OPD mengubah notulen.', version: 2 })).statusCode).toBe(403);
    const noPlace = await edit(admin, created.id, { place: null, version: 2 });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json<ApiErrorBody>().error.field).toBe('place');
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal_meeting'), eq(auditLog.entityId, created.id)));
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('refuses a meeting without place or link, with an unknown attendee account, or a bad date, and records nothing', async () => {
    const before = (await list(admin)).json<MeetingListResponse>().items.length;
    const noPlace = await record(admin, meeting({ place: null, link: null }));
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json<ApiErrorBody>().error.field).toBe('place');
    const unknownUser = await record(admin, meeting({ attendees: [{ name: 'Tamu', userId: '00000000-0000-4000-8000-000000000000' }] }));
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json<ApiErrorBody>().error.field).toBe('attendees.0.userId');
    expect((await record(admin, meeting({ heldAt: '18 Juni 2026' }))).statusCode).toBe(400);
    expect((await record(admin, meeting({ attendees: [] }))).statusCode).toBe(400);
    expect((await list(admin)).json<MeetingListResponse>().items).toHaveLength(before);
  });
});
