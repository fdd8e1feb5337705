import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../../tests/support/builders';
import { makeTextPdf, multipartBody } from '../../../../../tests/support/pdf-fixtures';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import { CreateProposalSchema, type ProposalAction, type ProposalView } from '../../../../shared/proposals';
import type { SessionUser } from '../../../../shared/roles';
import type { OutboxResponse } from '../../../../shared/notifications';
import { loadProcedure } from '../../procedures/procedures.service';
import { uploadProposalDocument } from '../documents/documents.service';
import { transitionProposal } from '../transitions/transitions.service';
import { createProposal } from './proposals.service';
import { closeTestApp, proposalPayload } from './proposals.test-support';
import { proposals } from './proposals.table';

// The role × action matrix of everything proposals bring: each cell gets fresh rows, so that no
// cell's outcome depends on another's. "token" is an outside initiator holding its private link.
const PRINCIPALS = ['admin', 'tkksd', 'opd_own', 'opd_other', 'pimpinan', 'anonymous', 'token'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object | Buffer; headers?: Record<string, string> };
type Cell = { action: string; expected: Record<Principal, number>; request: (principal: Principal) => Promise<Request> };

const staff = (admin: number, tkksd: number, own: number, other: number, pimpinan: number): Record<Principal, number> => ({
  admin,
  tkksd,
  opd_own: own,
  opd_other: other,
  pimpinan,
  anonymous: 401,
  token: 401,
});
const tokenOnly = (status: number): Record<Principal, number> => ({ admin: 404, tkksd: 404, opd_own: 404, opd_other: 404, pimpinan: 404, anonymous: 404, token: status });

describe('proposals permission matrix', () => {
  let t: TestApp;
  const cookies = {} as Record<Principal, string>;
  let owner: SessionUser;
  let admin: SessionUser;
  let pdf: Buffer;
  beforeAll(async () => {
    t = await createTestApp();
    pdf = await makeTextPdf(['Lampiran usulan untuk uji hak akses.']);
    const unit = await buildUnit(t.database.db);
    const logins = {
      admin: await t.loginAs('admin'),
      tkksd: await t.loginAs('tkksd'),
      opd_own: await t.loginAs('opd', { unitId: unit.id }),
      opd_other: await t.loginAs('opd'),
      pimpinan: await t.loginAs('pimpinan'),
    };
    for (const [principal, login] of Object.entries(logins)) cookies[principal as Principal] = login.cookie;
    cookies.anonymous = '';
    cookies.token = '';
    const asSession = (row: typeof logins.admin.user): SessionUser => ({ id: row.id, email: row.email, name: row.name, role: row.role, unitId: row.unitId });
    owner = asSession(logins.opd_own.user);
    admin = asSession(logins.admin.user);
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  const ctxOf = (actor: SessionUser) => ({ ...t.ctx(actor), actor });
  const draft = (): Promise<ProposalView> => createProposal(ctxOf(owner), CreateProposalSchema.parse(proposalPayload()));
  const step = async (view: ProposalView, action: ProposalAction, by = owner) =>
    transitionProposal(ctxOf(by), { id: view.id, action, version: view.version });
  const submitted = async () => step(await draft(), 'submit');
  const withDocument = async () => {
    const view = await submitted();
    const upload = { fields: { docType: 'kak' }, file: { fileName: 'kak.pdf', bytes: pdf } };
    return uploadProposalDocument(ctxOf(owner), { proposalId: view.id, upload });
  };
  // An outside proposal sent through the public form and confirmed; its links come from the held mail.
  let addresses = 0;
  const nextAddress = () => `10.1.${String(Math.floor((addresses += 1) / 250))}.${String(addresses % 250)}`;
  const external = async (): Promise<{ id: string; trackingToken: string }> => {
    const { kind, title, plannedPartners, sectorCodes, latarBelakang, maksudTujuan, ruangLingkup, manfaat } = proposalPayload();
    const idempotencyKey = randomUUID();
    const initiator = { institution: 'Yayasan Pesisir Lestari', contactName: 'Nur Aini', email: `nur.${idempotencyKey.slice(0, 8)}@pesisir.or.id` };
    const form = { kind, title, plannedPartners, sectorCodes, latarBelakang, maksudTujuan, ruangLingkup, manfaat, idempotencyKey, initiator };
    const sent = await t.app.inject({ method: 'POST', url: '/api/public/proposals', payload: form, remoteAddress: nextAddress() });
    const outboxPage = await t.app.inject({ method: 'GET', url: '/api/outbox?status=held&pageSize=100', headers: { cookie: cookies.admin } });
    const held = outboxPage.json<OutboxResponse>().items.find((mail) => mail.to === initiator.email);
    const confirmToken = /#([A-Za-z0-9_-]{43})/.exec(held?.text ?? '')?.[1] ?? '';
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/public/proposals/confirm', payload: { token: confirmToken }, remoteAddress: nextAddress() });
    const [row] = await t.database.db.select().from(proposals).where(eq(proposals.trackingCode, sent.json<{ trackingCode: string }>().trackingCode));
    return { id: row?.id ?? '', trackingToken: confirmed.json<{ trackingToken: string }>().trackingToken };
  };
  const upload = (url: string): Request => {
    const body = multipartBody({ fields: { docType: 'kak' }, file: { fileName: 'kak.pdf', content: pdf } });
    return { method: 'POST', url, payload: body.payload, headers: body.headers };
  };
  const unknownToken = 'A'.repeat(43);

  const cells: Cell[] = [
    { action: 'GET /procedures', expected: staff(200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: '/api/procedures' }) },
    {
      action: 'PUT /procedures/:kind',
      expected: staff(200, 403, 403, 403, 403),
      request: async () => {
        const { name, description, stages, version } = await loadProcedure(t.database.db, 'KSDD');
        return { method: 'PUT', url: '/api/procedures/KSDD', payload: { name, description, stages, version } };
      },
    },
    { action: 'GET /public/procedures', expected: { admin: 200, tkksd: 200, opd_own: 200, opd_other: 200, pimpinan: 200, anonymous: 200, token: 200 }, request: async () => ({ method: 'GET', url: '/api/public/procedures' }) },
    { action: 'POST /proposals for the own OPD', expected: staff(201, 403, 201, 403, 403), request: async () => ({ method: 'POST', url: '/api/proposals', payload: proposalPayload({ unitId: owner.unitId ?? '' }) }) },
    { action: 'GET /proposals', expected: staff(200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: '/api/proposals' }) },
    { action: 'GET /proposals/:id (draft)', expected: staff(200, 403, 200, 403, 403), request: async () => ({ method: 'GET', url: `/api/proposals/${(await draft()).id}` }) },
    { action: 'GET /proposals/:id (submitted)', expected: staff(200, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/api/proposals/${(await submitted()).id}` }) },
    { action: 'GET /proposals/:id (outside initiator)', expected: staff(200, 403, 403, 403, 200), request: async () => ({ method: 'GET', url: `/api/proposals/${(await external()).id}` }) },
    {
      action: 'PATCH /proposals/:id (draft)',
      expected: staff(200, 403, 200, 403, 403),
      request: async () => {
        const view = await draft();
        return { method: 'PATCH', url: `/api/proposals/${view.id}`, payload: { title: 'Judul diubah dalam uji hak', version: view.version } };
      },
    },
    ...(['submit', 'withdraw'] as const).map((action): Cell => ({
      action: `POST /proposals/:id/transitions ${action} (draft)`,
      expected: staff(200, 403, 200, 403, 403),
      request: async () => {
        const view = await draft();
        return { method: 'POST', url: `/api/proposals/${view.id}/transitions`, payload: { action, version: view.version } };
      },
    })),
    ...(['send_back', 'reject'] as const).map((action): Cell => ({
      action: `POST /proposals/:id/transitions ${action} (submitted)`,
      expected: staff(200, 403, 403, 403, 403),
      request: async () => {
        const view = await submitted();
        return { method: 'POST', url: `/api/proposals/${view.id}/transitions`, payload: { action, note: 'Catatan uji hak akses', version: view.version } };
      },
    })),
    {
      action: 'POST /proposals/:id/transitions resume (sent back)',
      expected: staff(200, 403, 200, 403, 403),
      request: async () => {
        const view = await step(await submitted(), 'send_back', admin);
        return { method: 'POST', url: `/api/proposals/${view.id}/transitions`, payload: { action: 'resume', version: view.version } };
      },
    },
    { action: 'POST /proposals/:id/documents', expected: staff(201, 403, 201, 403, 403), request: async () => upload(`/api/proposals/${(await draft()).id}/documents`) },
    { action: 'GET /proposal-documents/:id/file', expected: staff(200, 403, 200, 403, 200), request: async () => ({ method: 'GET', url: `/api/proposal-documents/${(await withDocument()).id}/file` }) },
    { action: 'POST /proposals/:id/tracking-link', expected: staff(201, 403, 403, 403, 403), request: async () => ({ method: 'POST', url: `/api/proposals/${(await external()).id}/tracking-link` }) },
    { action: 'DELETE /proposals/:id/tracking-link', expected: staff(200, 403, 403, 403, 403), request: async () => ({ method: 'DELETE', url: `/api/proposals/${(await external()).id}/tracking-link` }) },
    { action: 'GET /outbox', expected: staff(200, 403, 403, 403, 403), request: async () => ({ method: 'GET', url: '/api/outbox' }) },
    { action: 'GET /notifications', expected: staff(200, 200, 200, 200, 200), request: async () => ({ method: 'GET', url: '/api/notifications' }) },
    {
      action: 'GET /public/proposals/track/:token',
      expected: tokenOnly(200),
      request: async (principal) => {
        const { trackingToken } = await external();
        return { method: 'GET', url: `/api/public/proposals/track/${principal === 'token' ? trackingToken : unknownToken}` };
      },
    },
    {
      action: 'POST /public/proposals/track/:token/documents',
      expected: tokenOnly(201),
      request: async (principal) => {
        const { trackingToken } = await external();
        return upload(`/api/public/proposals/track/${principal === 'token' ? trackingToken : unknownToken}/documents`);
      },
    },
  ];

  const table = cells.flatMap((cell) => PRINCIPALS.map((principal) => ({ ...cell, principal, status: cell.expected[principal] })));

  it.each(table)('$action as $principal answers $status', async ({ request, principal, status }) => {
    const built = await request(principal);
    const cookie = cookies[principal];
    const response = await t.app.inject({
      method: built.method,
      url: built.url,
      headers: { ...built.headers, ...(cookie ? { cookie } : {}) },
      ...(built.payload === undefined ? {} : { payload: built.payload }),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  });

  // The buttons the web shows come from the view's abilities: they must say what the routes allow.
  it('tells each reader of a running proposal what they may do, as the routes above answer', async () => {
    const view = await submitted();
    const abilitiesOf = async (principal: Principal) =>
      (await t.app.inject({ method: 'GET', url: `/api/proposals/${view.id}`, headers: { cookie: cookies[principal] } })).json<ProposalView>().abilities;
    const none = { canEdit: false, canUploadDocuments: false, canDownloadDrafts: false, canManageReview: false, canManageSigning: false, canManageTrackingLink: false };
    expect(await abilitiesOf('admin')).toEqual({ ...none, canEdit: true, canUploadDocuments: true, canDownloadDrafts: true, canManageReview: true, canManageSigning: true });
    // The own OPD uploads and downloads its drafts; it edits only while it holds the proposal.
    expect(await abilitiesOf('opd_own')).toEqual({ ...none, canUploadDocuments: true, canDownloadDrafts: true });
    expect(await abilitiesOf('pimpinan')).toEqual(none);
    for (const principal of ['admin', 'opd_own', 'opd_other', 'pimpinan', 'tkksd'] as const) {
      const request = upload(`/api/proposals/${view.id}/documents`);
      const response = await t.app.inject({ method: 'POST', url: request.url, payload: request.payload, headers: { ...request.headers, cookie: cookies[principal] } });
      expect(response.statusCode, principal).toBe(principal === 'admin' || principal === 'opd_own' ? 201 : 403);
    }
  });

  it('offers the private link only on an outside initiator’s proposal, to the division', async () => {
    const { id } = await external();
    const abilitiesOf = async (principal: Principal) =>
      (await t.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: cookies[principal] } })).json<ProposalView>().abilities;
    expect((await abilitiesOf('admin')).canManageTrackingLink).toBe(true);
    expect((await abilitiesOf('pimpinan')).canManageTrackingLink).toBe(false);
  });
});
