import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/documents';
import type { AcceptIntakeResult, IntakeBatchView } from '../../../shared/intake';
import type { Role } from '../../../shared/roles';
import type { AgreementSearchResult } from '../../../shared/search';
import { makeTextPdf, multipartBody } from '../../../../tests/support/pdf-fixtures';
import { agreementPayload, registryCounts } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { agreements } from '../agreements/agreements.table';
import { auditLog } from '../audit/audit.table';
import { runNextIntakeFile } from './intake-read.service';

const SCAN = [
  'PERJANJIAN KERJA SAMA',
  'ANTARA PEMERINTAH KOTA TERNATE DENGAN BANK MALUT',
  'TENTANG LAYANAN KREDIT USAHA RAKYAT',
  '',
  'Nomor: 21/PKS/2026',
  '',
  'Pada hari ini tanggal 02-03-2026 kami yang bertanda tangan di bawah ini sepakat. Pinjaman lunak bagi pedagang pasar Gamalama.',
].join('\n');

// "Kerja sama baru" from a signed PDF: the scan is read, the form prefilled from it, and the
// agreement created as the person confirmed it, with the scan attached — all at once or nothing.
describe('a new agreement registered from its scan', () => {
  let t: TestApp;
  let admin: string;
  let fileId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
    const body = multipartBody({ file: { fieldName: 'file', fileName: 'pks-kur.pdf', content: await makeTextPdf([SCAN]) } });
    const response = await t.app.inject({ method: 'POST', url: '/api/intake', headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(response.statusCode).toBe(201);
    fileId = response.json<IntakeBatchView>().files[0]?.id ?? '';
    expect(await runNextIntakeFile({ db: t.database.db, files: t.files, clock: () => t.clock.now })).toBe(true);
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (body: unknown, cookie = admin) =>
    t.app.inject({ method: 'POST', url: `/api/intake/files/${fileId}/register`, headers: cookie ? { cookie } : {}, payload: body as object });

  it('refuses a form the register would refuse, naming the field, and writes nothing', async () => {
    const before = await registryCounts(t.database.db);
    const response = await register({ ...(await agreementPayload(t.database.db)), title: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'title' } });
    expect(await registryCounts(t.database.db)).toEqual(before);
  });

  it('lets only admin register from a scan: 401 without a session, 403 for the other roles', async () => {
    const body = await agreementPayload(t.database.db);
    expect((await register(body, '')).statusCode).toBe(401);
    for (const role of ['tkksd', 'pimpinan', 'opd'] as Role[]) expect((await register(body, (await t.loginAs(role)).cookie)).statusCode, role).toBe(403);
  });

  it('creates the agreement as confirmed, with the scan as its signed text, searchable at once and audited', async () => {
    const payload = await agreementPayload(t.database.db, { docType: 'PKS', noParentReason: 'Kerja sama langsung tanpa KB', title: 'Layanan Kredit Usaha Rakyat', numberOurs: '21/PKS/2026', signedOn: '2026-03-02', startsOn: '2026-03-02', endsOn: '2028-03-01' });
    const response = await register(payload);
    expect(response.statusCode).toBe(201);
    const result = response.json<AcceptIntakeResult>();
    expect(result).toMatchObject({ fileId, isNew: true });
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, result.agreementId));
    // Not a draft: the person filled the whole form.
    expect(row).toMatchObject({ isDraft: false, numberOurs: '21/PKS/2026', title: 'Layanan Kredit Usaha Rakyat', signedOn: '2026-03-02' });
    const documents = (await t.app.inject({ method: 'GET', url: `/api/agreements/${result.agreementId}/documents`, headers: { cookie: admin } })).json<DocumentView[]>();
    expect(documents).toEqual([expect.objectContaining({ id: result.documentId, kind: 'naskah_ttd', fileName: 'pks-kur.pdf' })]);
    const found = await t.app.inject({ method: 'GET', url: '/api/agreements?q=Gamalama', headers: { cookie: admin } });
    expect(found.json<AgreementSearchResult>().items.map((item) => item.id)).toContain(result.agreementId);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, result.agreementId))).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'document_upload', 'intake_accept']));
  });

  it('refuses to register the same scan twice', async () => {
    const before = await registryCounts(t.database.db);
    expect((await register(await agreementPayload(t.database.db))).statusCode).toBe(409);
    const after = await registryCounts(t.database.db);
    expect(after.agreements).toBe(before.agreements);
  });
});
