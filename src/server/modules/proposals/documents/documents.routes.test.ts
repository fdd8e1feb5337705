import { readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScanPdf } from '../../../../../tests/support/pdf-fixtures';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';
import type { ApiErrorBody } from '../../../../shared/api-error';
import type { ProposalDocumentView } from '../../../../shared/proposals';
import { settings } from '../../settings/settings.table';
import { closeTestApp, createProposalAs, readProposal, uploadDocument } from '../core/proposals.test-support';
import { proposalDocuments } from '../core/proposals.table';

describe('proposal documents', () => {
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

  const storedFiles = () => {
    try {
      return readdirSync(`${t.env.JALIN_STORAGE_DIR ?? ''}/proposals`).length;
    } catch {
      return 0;
    }
  };
  const rowsOf = async (id: string) => t.database.db.select().from(proposalDocuments).where(eq(proposalDocuments.proposalId, id));

  it('keeps each upload of a type as the next version and marks the newest', async () => {
    const view = await createProposalAs(t, opd);
    const url = `/api/proposals/${view.id}/documents`;
    const first = await uploadDocument(t, { url, cookie: opd, docType: 'kak', fileName: 'KAK awal.pdf' });
    expect(first.statusCode).toBe(201);
    expect(first.json<ProposalDocumentView>()).toMatchObject({ docType: 'kak', versionNo: 1, fileName: 'KAK awal.pdf', uploadedVia: 'staff' });
    const second = await uploadDocument(t, { url, cookie: admin, docType: 'kak', fileName: 'KAK revisi.pdf' });
    expect(second.json<ProposalDocumentView>().versionNo).toBe(2);
    const detail = await readProposal(t, opd, view.id);
    expect(detail.documents.map((document) => [document.fileName, document.versionNo, document.isLatest])).toEqual([
      ['KAK revisi.pdf', 2, true],
      ['KAK awal.pdf', 1, false],
    ]);
    expect(detail.missingDocTypes).not.toContain('kak');
    expect(detail.timeline.filter((event) => event.action === 'document_upload')).toHaveLength(2);
  });

  it('keeps a scan without a text layer, marked as needing OCR', async () => {
    const view = await createProposalAs(t, opd);
    const response = await uploadDocument(t, { url: `/api/proposals/${view.id}/documents`, cookie: opd, docType: 'sk_ppksd', content: await makeScanPdf() });
    expect(response.json<ProposalDocumentView>().needsOcr).toBe(true);
  });

  it('refuses a file that is not a PDF, an empty one, an oversized one and a missing type, storing nothing', async () => {
    const view = await createProposalAs(t, opd);
    const url = `/api/proposals/${view.id}/documents`;
    const filesBefore = storedFiles();
    const notPdf = await uploadDocument(t, { url, cookie: opd, docType: 'kak', content: Buffer.from('<html>bukan pdf</html>'), fileName: 'kak.pdf' });
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json<ApiErrorBody>().error.message).toBe('Berkas bukan PDF.');
    const empty = await uploadDocument(t, { url, cookie: opd, docType: 'kak', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    const wrongType = await uploadDocument(t, { url, cookie: opd, docType: 'surat_cinta' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json<ApiErrorBody>().error.field).toBe('docType');
    await t.database.db.update(settings).set({ value: 1 }).where(eq(settings.key, 'max_upload_mb'));
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const tooLarge = await uploadDocument(t, { url, cookie: opd, docType: 'kak', content: big });
    await t.database.db.update(settings).set({ value: 25 }).where(eq(settings.key, 'max_upload_mb'));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<ApiErrorBody>().error.message).toContain('1 MB');
    expect(await rowsOf(view.id)).toEqual([]);
    expect(storedFiles()).toBe(filesBefore);
  });

  it('lets only the division and the initiating OPD upload, and answers 401 without a session', async () => {
    const view = await createProposalAs(t, opd);
    const url = `/api/proposals/${view.id}/documents`;
    expect((await uploadDocument(t, { url, docType: 'kak' })).statusCode).toBe(401);
    const { cookie: otherOpd } = await t.loginAs('opd');
    expect((await uploadDocument(t, { url, cookie: otherOpd, docType: 'kak' })).statusCode).toBe(403);
    for (const role of ['tkksd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      expect((await uploadDocument(t, { url, cookie, docType: 'kak' })).statusCode, role).toBe(403);
    }
    expect(await rowsOf(view.id)).toEqual([]);
  });

  it('serves a document file to those who may read the proposal only', async () => {
    const view = await createProposalAs(t, opd);
    const uploaded = await uploadDocument(t, { url: `/api/proposals/${view.id}/documents`, cookie: opd, docType: 'kak' });
    const fileUrl = `/api/proposal-documents/${uploaded.json<ProposalDocumentView>().id}/file`;
    const ok = await t.app.inject({ method: 'GET', url: fileUrl, headers: { cookie: admin } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { cookie: otherOpd } = await t.loginAs('opd');
    expect((await t.app.inject({ method: 'GET', url: fileUrl, headers: { cookie: otherOpd } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: fileUrl })).statusCode).toBe(401);
  });
});
