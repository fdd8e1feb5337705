import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/documents';
import type { AcceptIntakeResult, IntakeBatchView } from '../../../shared/intake';
import { makePng, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { buildUnit } from '../../../../tests/support/builders';
import { buildPartner } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { OcrRunner } from '../documents/ocr-jobs.service';
import { runNextIntakeFile } from './intake-read.service';

// What Tesseract would read off the photographed page (the OCR itself is tested with real scans).
const READ = 'PERJANJIAN KERJA SAMA\nTENTANG PENGELOLAAN AIR BERSIH\n\nNomor: 7/PKS/2023\n\nPada hari ini tanggal 03-04-2023 kami sepakat.';

describe('a photographed page taken in by intake', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  it('becomes a one-page PDF, read, and the document it is accepted as is that PDF, named .pdf', async () => {
    const body = multipartBody({ file: { fieldName: 'file', fileName: 'foto-pks.png', contentType: 'image/png', content: makePng() } });
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/intake', headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(uploaded.statusCode).toBe(201);
    const [file] = uploaded.json<IntakeBatchView>().files;
    expect(file).toMatchObject({ fileName: 'foto-pks.png', state: 'queued', pageCount: 1 });

    const seen: Buffer[] = [];
    const ocr: OcrRunner = (input) => {
      seen.push(input);
      return Promise.resolve({ pdf: input, pages: [READ] });
    };
    expect(await runNextIntakeFile({ db: t.database.db, files: t.files, clock: () => t.clock.now, ocr })).toBe(true);
    // What OCR was given is a PDF, not the PNG.
    expect(seen[0]?.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [unit, partner] = await Promise.all([buildUnit(t.database.db), buildPartner(t.database.db)]);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/intake/files/${file?.id ?? ''}/accept`,
      headers: { cookie: admin },
      payload: { leadUnitId: unit.id, primarySectorCode: 'pendidikan', partner: { id: partner.id }, kind: 'KSDPK' },
    });
    expect(accepted.statusCode).toBe(200);
    const { agreementId, documentId } = accepted.json<AcceptIntakeResult>();
    const documents = (await t.app.inject({ method: 'GET', url: `/api/agreements/${agreementId}/documents`, headers: { cookie: admin } })).json<DocumentView[]>();
    expect(documents).toEqual([expect.objectContaining({ id: documentId, fileName: 'foto-pks.pdf', mimeType: 'application/pdf', pageCount: 1 })]);
    const stored = await t.app.inject({ method: 'GET', url: `/api/documents/${documentId}/file`, headers: { cookie: admin } });
    expect(stored.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
