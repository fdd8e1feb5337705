import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAttachmentPdf, makeOpenActionScriptPdf } from '../../../../tests/support/active-pdf';
import { multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { DocumentView } from '../../../shared/documents';
import type { ProposalDocumentView } from '../../../shared/proposals';
import { closeTestApp, createProposalAs, readProposal, uploadDocument } from '../proposals/core/proposals.test-support';

// A PDF with script or attachments is kept (a signed original must stay as signed), flagged to
// staff, and only ever served as a download with its declared type.
describe('PDFs with active content', () => {
  let t: TestApp;
  let admin: string;
  let opd: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    opd = (await t.loginAs('opd')).cookie;
  });
  afterAll(async () => {
    await closeTestApp(t);
  });

  it('flags an agreement document whose OpenAction runs JavaScript and serves it only as an attachment', async () => {
    const agreement = await buildAgreement(t.database.db);
    const body = multipartBody({ fields: { kind: 'naskah_ttd', isPublic: 'true' }, file: { fileName: 'naskah.pdf', content: await makeOpenActionScriptPdf() } });
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreement.id}/documents`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(uploaded.statusCode).toBe(201);
    const view = uploaded.json<DocumentView>();
    expect(view.activeContent).toEqual(['JavaScript']);
    const listed = await t.app.inject({ method: 'GET', url: `/api/agreements/${agreement.id}/documents`, headers: { cookie: admin } });
    expect(listed.json<DocumentView[]>()[0]?.activeContent).toEqual(['JavaScript']);
    for (const url of [`/api/documents/${view.id}/file`, `/api/documents/${view.id}/file?download=0`]) {
      const served = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-disposition']).toMatch(/^attachment;/);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('flags a proposal document carrying an embedded file and serves it only as an attachment', async () => {
    const proposal = await createProposalAs(t, opd);
    const uploaded = await uploadDocument(t, { url: `/api/proposals/${proposal.id}/documents`, cookie: admin, docType: 'kak', content: await makeAttachmentPdf() });
    expect(uploaded.statusCode).toBe(201);
    const view = uploaded.json<ProposalDocumentView>();
    expect(view.activeContent).toContain('EmbeddedFile');
    expect((await readProposal(t, admin, proposal.id)).documents[0]?.activeContent).toContain('EmbeddedFile');
    const served = await t.app.inject({ method: 'GET', url: `/api/proposal-documents/${view.id}/file`, headers: { cookie: admin } });
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leaves an ordinary PDF unflagged', async () => {
    const proposal = await createProposalAs(t, opd);
    const uploaded = await uploadDocument(t, { url: `/api/proposals/${proposal.id}/documents`, cookie: admin, docType: 'kak' });
    expect(uploaded.json<ProposalDocumentView>().activeContent).toEqual([]);
  });
});
