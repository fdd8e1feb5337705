import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { TrackingView } from '../../../../shared/proposals';
import { notifications } from '../../notifications/notifications.table';
import { act, readProposal } from '../core/proposals.test-support';
import { proposalEvents, proposals } from '../core/proposals.table';
import { closePublicIntake, publicForm, startPublicIntake, submitPublicProposal, uploadViaLink, type PublicIntake } from './tracking.test-support';

const INSTITUTION = 'Universitas Khairun';
// What an outside initiator must hold at the registration stage.
const REGISTRATION_DOCS = ['surat_penawaran', 'kak', 'studi_kelayakan'];

describe('resubmitting a revised proposal through the private tracking link', () => {
  let intake: PublicIntake;
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    intake = await startPublicIntake({ addressPrefix: '10.1.0' });
    ({ t, admin } = intake);
  });
  afterAll(async () => {
    await closePublicIntake(intake);
  });

  const nextAddress = () => intake.nextAddress();
  // A confirmed proposal from a university; returns its id and tracking token.
  const submitted = async () => {
    const { id, trackingToken } = await submitPublicProposal(intake, publicForm({ institution: INSTITUTION, contactName: 'Dr. Nurlaila Umar', mailbox: 'lppm', domain: 'unkhair.ac.id' }));
    return { id, token: trackingToken };
  };
  const sendBack = async (id: string) => {
    const response = await act(t, admin, id, 'send_back', { note: 'Mohon lampirkan studi kelayakan yang ditandatangani.' });
    expect(response.statusCode).toBe(200);
  };
  const uploadVia = async (token: string, docTypes: readonly string[]) => {
    for (const docType of docTypes) {
      const response = await uploadViaLink(intake, { token, docType });
      expect(response.statusCode, docType).toBe(201);
    }
  };
  const resubmit = (token: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/public/proposals/track/${token}/resubmit`, payload, remoteAddress: nextAddress() });
  const rowOf = async (id: string) => (await t.database.db.select().from(proposals).where(eq(proposals.id, id)))[0];
  const eventsOf = (id: string, action: string) =>
    t.database.db.select().from(proposalEvents).where(and(eq(proposalEvents.proposalId, id), eq(proposalEvents.action, action)));
  const resumeNotices = (id: string) =>
    t.database.db.select().from(notifications).where(and(eq(notifications.entityId, id), eq(notifications.kind, 'proposal_resume')));

  it('resumes the proposal sent back, records the initiator on the timeline and tells the division', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    const response = await resubmit(token, { note: 'Studi kelayakan sudah kami lengkapi.' });
    expect(response.statusCode).toBe(200);
    expect(response.json<TrackingView>()).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi', missingDocTypes: [] });
    expect(response.json<TrackingView>().timeline.at(-1)).toMatchObject({ action: 'resume', toState: 'aktif' });
    const detail = await readProposal(t, admin, id);
    expect(detail).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi' });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'resume', actorLabel: `pemrakarsa: ${INSTITUTION} (tautan pelacakan)`, note: 'Studi kelayakan sudah kami lengkapi.' });
    const notices = await resumeNotices(id);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]).toMatchObject({ title: expect.stringContaining('dilanjutkan kembali'), link: `/app/proposals/${id}` });
    // The division can go on as after its own resume.
    expect((await act(t, admin, id, 'validate')).statusCode).toBe(200);
  });

  it('refuses while a document the stage needs is missing, names it and changes nothing', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, ['surat_penawaran', 'kak']);
    const before = await rowOf(id);
    const response = await resubmit(token);
    expect(response.statusCode).toBe(409);
    const { error } = response.json<ApiErrorBody>();
    expect(error).toMatchObject({ details: { reason: 'missing_documents', missingDocTypes: ['studi_kelayakan'] } });
    expect(error.message).toContain('Unggah dulu dokumen yang masih diperlukan: Studi kelayakan');
    expect(error.messageEn).toContain('upload the documents still needed');
    expect(await rowOf(id)).toEqual(before);
    expect(await eventsOf(id, 'resume')).toEqual([]);
  });

  it('refuses a proposal that was not sent back, with the reason, and changes nothing', async () => {
    const { id, token } = await submitted();
    await uploadVia(token, REGISTRATION_DOCS);
    const before = await rowOf(id);
    const response = await resubmit(token);
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiErrorBody>().error).toMatchObject({ message: expect.stringContaining('tidak sedang dikembalikan'), details: { reason: 'not_sent_back' } });
    expect(await rowOf(id)).toEqual(before);
    expect(await eventsOf(id, 'resume')).toEqual([]);
    expect(await resumeNotices(id)).toEqual([]);
  });

  it('refuses a proposal the division has since rejected', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    expect((await act(t, admin, id, 'reject', { note: 'Di luar kewenangan daerah.' })).statusCode).toBe(200);
    const response = await resubmit(token);
    expect(response.statusCode).toBe(409);
    expect(response.json<ApiErrorBody>().error.details).toEqual({ reason: 'closed' });
    expect(await rowOf(id)).toMatchObject({ state: 'ditolak' });
  });

  it('answers a revoked link as the tracking page does and changes nothing', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/proposals/${id}/tracking-link`, headers: { cookie: admin } })).statusCode).toBe(200);
    const before = await rowOf(id);
    const response = await resubmit(token);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/proposals/track/${token}`, remoteAddress: nextAddress() });
    expect(response.statusCode).toBe(404);
    // The same answer, but for the id of the request.
    expect(response.json<ApiErrorBody>().error).toEqual({ ...page.json<ApiErrorBody>().error, requestId: response.headers['x-request-id'] });
    expect(response.json<ApiErrorBody>().error.details).toEqual({ reason: 'revoked' });
    expect(await rowOf(id)).toEqual(before);
    expect(await eventsOf(id, 'resume')).toEqual([]);
  });

  it('resubmits once when the same form is sent twice at once and again later', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    const [first, second] = await Promise.all([resubmit(token), resubmit(token)]);
    const third = await resubmit(token);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([200, 200, 200]);
    expect(third.json<TrackingView>()).toMatchObject({ state: 'aktif' });
    expect(await eventsOf(id, 'resume')).toHaveLength(1);
    const notices = await resumeNotices(id);
    expect(new Set(notices.map((notice) => notice.userId)).size).toBe(notices.length);
  });

  it('takes a second revision round after the division sends the proposal back again', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    expect((await resubmit(token)).statusCode).toBe(200);
    await sendBack(id);
    expect((await resubmit(token)).json<TrackingView>()).toMatchObject({ state: 'aktif' });
    expect(await eventsOf(id, 'resume')).toHaveLength(2);
  });

  it('limits how often one address may try, and answers an unknown link as the tracking page does', async () => {
    const unknown = 'x'.repeat(43);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      answers.push((await t.app.inject({ method: 'POST', url: `/api/public/proposals/track/${unknown}/resubmit`, payload: {}, remoteAddress: '10.1.9.9' })).statusCode);
    }
    expect(answers.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(answers[20]).toBe(429);
    expect((await resubmit(unknown)).json<ApiErrorBody>().error.details).toEqual({ reason: 'unknown' });
  });

  it('rejects a note over the length limit', async () => {
    const { id, token } = await submitted();
    await sendBack(id);
    await uploadVia(token, REGISTRATION_DOCS);
    const response = await resubmit(token, { note: 'x'.repeat(4001) });
    expect(response.statusCode).toBe(400);
    expect(await rowOf(id)).toMatchObject({ state: 'dikembalikan' });
  });
});
