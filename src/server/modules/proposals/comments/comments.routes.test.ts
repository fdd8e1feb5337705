import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { NotificationListResponse } from '../../../../shared/notifications';
import type { ProposalCommentListResponse, ProposalCommentView } from '../../../../shared/proposal-reviews';
import type { ProposalDocumentView, TrackingView } from '../../../../shared/proposals';
import { auditLog } from '../../audit/audit.table';
import { issueLink, revokeLinks } from '../tracking/tracking-links.service';
import { act, closeTestApp, createProposalAs, uploadDocument } from '../core/proposals.test-support';

const EXTERNAL = { institution: 'Universitas Khairun', contactName: 'Dr. Nurlaila Hasan', email: 'nurlaila@unkhair.example' };

describe('comment threads on proposal documents', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  let otherOpd: string;
  let tkksd: string;
  let pimpinan: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
    otherOpd = (await t.loginAs('opd')).cookie;
    tkksd = (await t.loginAs('tkksd')).cookie;
    pimpinan = (await t.loginAs('pimpinan')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const documentOf = async (cookie: string, proposalId: string): Promise<ProposalDocumentView> => {
    const response = await uploadDocument(t, { url: `/api/proposals/${proposalId}/documents`, cookie, docType: 'kak' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  // An outside initiator's submitted proposal with one document and a live private link.
  const externalWithLink = async () => {
    const view = await createProposalAs(t, admin, { initiatorType: 'external', external: EXTERNAL });
    expect((await act(t, admin, view.id, 'submit')).statusCode).toBe(200);
    const document = await documentOf(admin, view.id);
    const { token } = await issueLink({ db: t.database.db, now: t.clock.now }, { proposalId: view.id, purpose: 'track' });
    return { id: view.id, document, token };
  };
  const staffUrl = (documentId: string) => `/api/proposal-documents/${documentId}/comments`;
  const publicUrl = (token: string, documentId: string) => `/api/public/proposals/track/${token}/documents/${documentId}/comments`;
  const post = (url: string, body: string, cookie?: string) => t.app.inject({ method: 'POST', url, payload: { body }, ...(cookie ? { headers: { cookie } } : {}) });
  const list = async (url: string, cookie?: string): Promise<ProposalCommentView[]> => {
    const response = await t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ProposalCommentListResponse>().items;
  };

  it('carries a thread between the division and the outside initiator, without staff names on the public side', async () => {
    const { id, document, token } = await externalWithLink();
    const asked = await post(staffUrl(document.id), 'Mohon lampirkan peta lokasi pada KAK.', admin);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json<ProposalCommentView>()).toMatchObject({ authorKind: 'admin', authorName: 'Pengguna admin' });

    // The answer comes a few minutes later; the thread reads in time order.
    t.clock.now = new Date(t.clock.now.getTime() + 5 * 60_000);
    expect(await list(publicUrl(token, document.id))).toEqual([expect.objectContaining({ body: 'Mohon lampirkan peta lokasi pada KAK.', authorKind: 'admin', authorName: null })]);
    // The tracking view names each version's id, which addresses its thread.
    const tracking = (await t.app.inject({ method: 'GET', url: `/api/public/proposals/track/${token}` })).json<TrackingView>();
    expect(tracking.documents.map((item) => item.id)).toEqual([document.id]);
    const answered = await post(publicUrl(token, document.id), 'Peta lokasi kami unggah sebagai versi berikutnya.');
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json<ProposalCommentView>()).toMatchObject({ authorKind: 'initiator', authorName: EXTERNAL.contactName });

    const thread = await list(staffUrl(document.id), admin);
    expect(thread.map((comment) => [comment.authorKind, comment.body])).toEqual([
      ['admin', 'Mohon lampirkan peta lokasi pada KAK.'],
      ['initiator', 'Peta lokasi kami unggah sebagai versi berikutnya.'],
    ]);
    const notices: NotificationListResponse = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie: admin } })).json();
    expect(notices.items.filter((item) => item.entityId === id).map((item) => item.kind)).toContain('proposal_comment');
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'proposal_document'), eq(auditLog.entityId, document.id), eq(auditLog.action, 'comment')));
    expect(audit.map((row) => row.actorLabel).sort()).toEqual(['system', expect.stringContaining('admin-')].sort());
  });

  it('keeps each version its own thread', async () => {
    const { id, document } = await externalWithLink();
    const second = await documentOf(admin, id);
    await post(staffUrl(document.id), 'Catatan untuk versi pertama.', admin);
    expect(second.versionNo).toBe(2);
    expect(await list(staffUrl(second.id), admin)).toEqual([]);
    expect(await list(staffUrl(document.id), admin)).toHaveLength(1);
  });

  it('opens through a link only the documents of its own proposal, and nothing once revoked', async () => {
    const first = await externalWithLink();
    const other = await externalWithLink();
    const crossed = await t.app.inject({ method: 'GET', url: publicUrl(first.token, other.document.id) });
    expect(crossed.statusCode).toBe(404);
    expect((await post(publicUrl(first.token, other.document.id), 'Bukan usulan saya.')).statusCode).toBe(404);
    await revokeLinks({ db: t.database.db, now: t.clock.now }, { proposalId: first.id, purpose: 'track' });
    const revoked = await post(publicUrl(first.token, first.document.id), 'Tautan sudah dicabut.');
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json<ApiErrorBody>().error.details).toEqual({ reason: 'revoked' });
    expect(await list(staffUrl(first.document.id), admin)).toEqual([]);
  });

  it('lets staff who read the proposal comment, and no one else', async () => {
    const view = await createProposalAs(t, opd);
    await act(t, opd, view.id, 'submit');
    const document = await documentOf(opd, view.id);
    const url = staffUrl(document.id);
    expect((await post(url, 'Dokumen sudah kami periksa.', opd)).statusCode).toBe(201);
    expect((await post(url, 'Catatan pimpinan.', pimpinan)).statusCode).toBe(201);
    expect((await post(url, 'OPD lain mencoba.', otherOpd)).statusCode).toBe(403);
    expect((await post(url, 'TKKSD tanpa penugasan.', tkksd)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: tkksd } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await post(url, 'Tanpa sesi.')).statusCode).toBe(401);
    expect(await list(url, opd)).toHaveLength(2);
  });

  it('refuses an empty comment and a comment on a closed proposal, keeping the thread unchanged', async () => {
    const { id, document, token } = await externalWithLink();
    const empty = await post(staffUrl(document.id), '   ', admin);
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ApiErrorBody>().error.field).toBe('body');
    expect((await act(t, admin, id, 'reject', { note: 'Di luar kewenangan daerah.' })).statusCode).toBe(200);
    expect((await post(staffUrl(document.id), 'Setelah ditolak.', admin)).statusCode).toBe(409);
    expect((await post(publicUrl(token, document.id), 'Setelah ditolak.')).statusCode).toBe(409);
    expect(await list(staffUrl(document.id), admin)).toEqual([]);
  });

});
