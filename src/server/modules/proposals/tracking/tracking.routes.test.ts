import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { NotificationListResponse } from '../../../../shared/notifications';
import type { ConfirmProposalResponse, ProposalDocumentView, ProposalListResponse, PublicProposalAccepted, PublicProposalInput, TrackingView } from '../../../../shared/proposals';
import { act, readProposal, tokenIn } from '../core/proposals.test-support';
import { proposals } from '../core/proposals.table';
import { closePublicIntake, mailsTo, publicForm, startPublicIntake, submitPublicProposal, uploadViaLink, type PublicIntake } from './tracking.test-support';

describe('public proposal form and private tracking link', () => {
  let intake: PublicIntake;
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    intake = await startPublicIntake({ addressPrefix: '10.0.0' });
    ({ t, admin } = intake);
  });
  afterAll(async () => {
    await closePublicIntake(intake);
  });

  const nextAddress = () => intake.nextAddress();
  const form = (overrides: Partial<PublicProposalInput> = {}): PublicProposalInput =>
    publicForm({ institution: 'Koperasi Nelayan Maju Bersama', contactName: 'Rahmat Hidayat', mailbox: 'rahmat', domain: 'koperasi.id' }, overrides);
  const post = (payload: unknown, remoteAddress = nextAddress()) =>
    t.app.inject({ method: 'POST', url: '/api/public/proposals', payload: payload as object, remoteAddress });
  const mailTo = (email: string) => mailsTo(intake, email);
  const confirm = (token: string) => t.app.inject({ method: 'POST', url: '/api/public/proposals/confirm', payload: { token }, remoteAddress: nextAddress() });
  const track = (token: string) => t.app.inject({ method: 'GET', url: `/api/public/proposals/track/${token}`, remoteAddress: nextAddress() });
  const countProposals = async () => {
    const [row] = await t.database.db.select({ total: sql<number>`count(*)::int` }).from(proposals);
    return row?.total ?? 0;
  };
  const submitted = async (overrides: Partial<PublicProposalInput> = {}) => submitPublicProposal(intake, form(overrides));

  it('accepts the form, mails a confirmation link and keeps the proposal out of the queue until confirmed', async () => {
    const payload = form();
    const response = await post(payload);
    expect(response.statusCode).toBe(202);
    const accepted: PublicProposalAccepted = response.json();
    expect(accepted).toMatchObject({ state: 'menunggu_konfirmasi' });
    expect(accepted.trackingCode).toMatch(/^USL-2026-/);
    const mails = mailTo(payload.initiator.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Konfirmasi usulan kerja sama ${accepted.trackingCode}`);
    expect(tokenIn(mails[0]?.text ?? '', 'konfirmasi')).toHaveLength(43);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/proposals', headers: { cookie: admin } })).json<ProposalListResponse>();
    expect(queue.items.map((item) => item.trackingCode)).not.toContain(accepted.trackingCode);
  });

  it('puts the proposal in the queue on confirmation, tells the division and mails the private tracking link', async () => {
    const payload = form();
    const accepted: PublicProposalAccepted = (await post(payload)).json();
    const token = tokenIn(mailTo(payload.initiator.email)[0]?.text ?? '', 'konfirmasi');
    const response = await confirm(token);
    expect(response.statusCode).toBe(200);
    const body: ConfirmProposalResponse = response.json();
    expect(body.trackingCode).toBe(accepted.trackingCode);
    const trackingMail = mailTo(payload.initiator.email)[1];
    expect(trackingMail?.subject).toBe(`Tautan pelacakan usulan ${accepted.trackingCode}`);
    expect(tokenIn(trackingMail?.text ?? '', 'lacak')).toBe(body.trackingToken);
    const [row] = await t.database.db.select().from(proposals).where(eq(proposals.trackingCode, accepted.trackingCode));
    expect(row).toMatchObject({ state: 'aktif', stageCode: 'registrasi_validasi', initiatorType: 'external', externalEmail: payload.initiator.email });
    expect(row?.emailConfirmedAt).not.toBeNull();
    const notices: NotificationListResponse = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: admin } })).json();
    expect(notices.items.some((item) => item.entityId === row?.id && item.kind === 'proposal_submit')).toBe(true);
    const again = await confirm(token);
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().error.message).toContain('sudah dikonfirmasi');
  });

  it('refuses an expired confirmation link and changes nothing', async () => {
    const payload = form();
    const accepted: PublicProposalAccepted = (await post(payload)).json();
    const token = tokenIn(mailTo(payload.initiator.email)[0]?.text ?? '', 'konfirmasi');
    const now = t.clock.now;
    t.clock.now = new Date(now.getTime() + 49 * 3600_000);
    const response = await confirm(token);
    t.clock.now = now;
    expect(response.statusCode).toBe(404);
    expect(response.json<ApiErrorBody>().error).toMatchObject({ message: expect.stringContaining('kedaluwarsa'), details: { reason: 'expired' } });
    const [row] = await t.database.db.select().from(proposals).where(eq(proposals.trackingCode, accepted.trackingCode));
    expect(row).toMatchObject({ state: 'draf', emailConfirmedAt: null });
  });

  it('creates one proposal and sends one mail when the same form is posted twice', async () => {
    const payload = form();
    const before = await countProposals();
    const [first, second] = await Promise.all([post(payload), post(payload)]);
    const third = await post(payload);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([202, 202, 202]);
    const codes = new Set([first, second, third].map((response) => response.json<PublicProposalAccepted>().trackingCode));
    expect(codes.size).toBe(1);
    expect(await countProposals()).toBe(before + 1);
    expect(mailTo(payload.initiator.email)).toHaveLength(1);
  });

  it('answers a resend of the same proposal by the same sender with the first one, and mails its confirmation link again', async () => {
    const payload = form();
    const first: PublicProposalAccepted = (await post(payload)).json();
    const oldToken = tokenIn(mailTo(payload.initiator.email)[0]?.text ?? '', 'konfirmasi');
    const before = await countProposals();
    const again = await post({ ...payload, idempotencyKey: randomUUID(), title: 'Kerja sama pelatihan digital untuk pelaku UMKM' });
    expect(again.statusCode).toBe(202);
    expect(again.json<PublicProposalAccepted>()).toMatchObject({ trackingCode: first.trackingCode, state: 'menunggu_konfirmasi', isResubmission: true, message: expect.stringContaining('sudah kami terima sebelumnya') });
    expect(await countProposals()).toBe(before);
    const mails = mailTo(payload.initiator.email);
    expect(mails.map((mail) => mail.subject)).toEqual([`Konfirmasi usulan kerja sama ${first.trackingCode}`, `Konfirmasi usulan kerja sama ${first.trackingCode}`]);
    // Only the newest confirmation link works.
    expect((await confirm(oldToken)).statusCode).toBe(404);
    expect((await confirm(tokenIn(mails[1]?.text ?? '', 'konfirmasi'))).statusCode).toBe(200);
    const confirmed = await post({ ...payload, idempotencyKey: randomUUID() });
    expect(confirmed.json<PublicProposalAccepted>()).toMatchObject({ trackingCode: first.trackingCode, state: 'terkonfirmasi', isResubmission: true });
    expect(await countProposals()).toBe(before);
    expect(mailTo(payload.initiator.email)).toHaveLength(3);
  });

  it('takes another proposal from the same sender, the same one from another sender, and a resend after the window as new proposals', async () => {
    const payload = form();
    const first: PublicProposalAccepted = (await post(payload)).json();
    const other = (await post({ ...payload, idempotencyKey: randomUUID(), title: 'Kerja sama pengelolaan sampah plastik pesisir', latarBelakang: 'Sampah plastik menumpuk di pesisir Kota Ternate.', maksudTujuan: 'Mengurangi sampah plastik yang masuk ke laut.', ruangLingkup: 'Bank sampah, pengangkutan dan daur ulang.', manfaat: 'Pesisir bersih dan warga mendapat penghasilan.' })).json<PublicProposalAccepted>();
    const elsewhere = (await post({ ...form(), title: payload.title })).json<PublicProposalAccepted>();
    const now = t.clock.now;
    t.clock.now = new Date(now.getTime() + 31 * 86_400_000);
    const later = (await post({ ...payload, idempotencyKey: randomUUID() })).json<PublicProposalAccepted>();
    t.clock.now = now;
    const answers = [other, elsewhere, later];
    expect(answers.map((answer) => answer.isResubmission)).toEqual([false, false, false]);
    expect(new Set([first.trackingCode, ...answers.map((answer) => answer.trackingCode)]).size).toBe(4);
  });

  it('answers 400 without saying why when the hidden field is filled, and keeps nothing', async () => {
    const before = await countProposals();
    const payload = form({ website: 'http://spam.example' });
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<ApiErrorBody>().error).toEqual({ code: 'VALIDATION', message: 'Permintaan tidak dapat diproses.', messageEn: 'The request cannot be processed.', requestId: response.headers['x-request-id'] });
    expect(await countProposals()).toBe(before);
    expect(mailTo(payload.initiator.email)).toEqual([]);
  });

  it('names the missing or wrong field, refuses an oversized form, and keeps nothing', async () => {
    const before = await countProposals();
    const cases: [unknown, string][] = [
      [{ ...form(), manfaat: undefined }, 'manfaat'],
      [{ ...form(), idempotencyKey: undefined }, 'idempotencyKey'],
      [form({ initiator: { institution: 'Koperasi', contactName: 'Rahmat', email: 'bukan-email' } }), 'initiator.email'],
      [form({ sectorCodes: ['antariksa'] }), 'sectorCodes.0'],
    ];
    for (const [payload, field] of cases) {
      const response = await post(payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json<ApiErrorBody>().error.field, field).toBe(field);
    }
    const huge = await post({ ...form(), latarBelakang: 'x'.repeat(300 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(await countProposals()).toBe(before);
  });

  it('limits how often one address may send the form', async () => {
    const from = '10.9.9.9';
    const answers: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) answers.push((await post(form(), from)).statusCode);
    expect(answers.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(answers[10]).toBe(429);
    expect((await post(form(), '10.9.9.10')).statusCode).toBe(202);
  });

  it('shows the initiator where the proposal stands, what is missing and what the division asked', async () => {
    const { trackingToken, id } = await submitted();
    await act(t, admin, id, 'send_back', { note: 'Mohon lampirkan studi kelayakan.' });
    const response = await track(trackingToken);
    expect(response.statusCode).toBe(200);
    const view: TrackingView = response.json();
    expect(view).toMatchObject({ state: 'dikembalikan', stageCode: 'registrasi_validasi', institution: 'Koperasi Nelayan Maju Bersama' });
    expect(view.missingDocTypes).toEqual(['surat_penawaran', 'kak', 'studi_kelayakan']);
    expect(view.requests).toEqual([expect.objectContaining({ note: 'Mohon lampirkan studi kelayakan.', stageCode: 'registrasi_validasi' })]);
    expect(view.timeline.map((event) => event.action)).toEqual(['create', 'submit', 'send_back']);
    expect(JSON.stringify(view)).not.toContain('@uji.jalin.local');
  });

  it('mails the outside initiator what the division decided, with its request', async () => {
    const { payload, id } = await submitted();
    await act(t, admin, id, 'send_back', { note: 'Surat penawaran belum ditandatangani.' });
    const last = mailTo(payload.initiator.email).at(-1);
    expect(last?.subject).toContain('dikembalikan untuk diperbaiki');
    expect(last?.text).toContain('Surat penawaran belum ditandatangani.');
  });

  it('lets the initiator upload what is asked through the private link, and tells the division', async () => {
    const { trackingToken, id } = await submitted();
    const response = await uploadViaLink(intake, { token: trackingToken, docType: 'studi_kelayakan' });
    expect(response.statusCode).toBe(201);
    expect(response.json<ProposalDocumentView>()).toMatchObject({ docType: 'studi_kelayakan', versionNo: 1, uploadedVia: 'tracking_link' });
    const detail = await readProposal(t, admin, id);
    expect(detail.documents.map((document) => document.docType)).toEqual(['studi_kelayakan']);
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'document_upload', actorLabel: 'pemrakarsa: Koperasi Nelayan Maju Bersama' });
    const notices: NotificationListResponse = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: admin } })).json();
    expect(notices.items).toContainEqual(expect.objectContaining({ kind: 'proposal_document', entityId: id, body: 'studi_kelayakan versi 1: studi_kelayakan.pdf' }));
    const notPdf = await uploadViaLink(intake, { token: trackingToken, docType: 'kak', content: Buffer.from('GIF89a bukan pdf') });
    expect(notPdf.statusCode).toBe(415);
  });

  it('refuses a revoked link and an unknown one; a reissued link works and the old one does not', async () => {
    const { payload, trackingToken, id } = await submitted();
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/proposals/${id}/tracking-link`, headers: { cookie: admin } });
    expect(revoked.json()).toEqual({ revoked: 1 });
    const dead = await track(trackingToken);
    expect(dead.statusCode).toBe(404);
    expect(dead.json<ApiErrorBody>().error.details).toEqual({ reason: 'revoked' });
    const upload = await uploadViaLink(intake, { token: trackingToken, docType: 'kak' });
    expect(upload.statusCode).toBe(404);
    expect((await track('x'.repeat(43))).json<ApiErrorBody>().error.details).toEqual({ reason: 'unknown' });
    const reissued = await t.app.inject({ method: 'POST', url: `/api/proposals/${id}/tracking-link`, headers: { cookie: admin } });
    expect(reissued.statusCode).toBe(201);
    const fresh = tokenIn(mailTo(payload.initiator.email).at(-1)?.text ?? '', 'lacak');
    expect((await track(fresh)).statusCode).toBe(200);
  });

  it('refuses a tracking link past its expiry', async () => {
    const { trackingToken } = await submitted();
    const now = t.clock.now;
    t.clock.now = new Date(now.getTime() + 366 * 24 * 3600_000);
    const response = await track(trackingToken);
    t.clock.now = now;
    expect(response.statusCode).toBe(404);
    expect(response.json<ApiErrorBody>().error).toMatchObject({ message: expect.stringContaining('kedaluwarsa'), details: { reason: 'expired' } });
  });

  it('refuses uploads once the proposal is closed', async () => {
    const { trackingToken, id } = await submitted();
    await act(t, admin, id, 'reject', { note: 'Bidang usaha tidak sesuai.' });
    const response = await uploadViaLink(intake, { token: trackingToken, docType: 'kak' });
    expect(response.statusCode).toBe(409);
    expect((await track(trackingToken)).json<TrackingView>()).toMatchObject({ state: 'ditolak', missingDocTypes: [] });
  });
});
