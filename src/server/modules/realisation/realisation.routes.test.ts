import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, makeTextPdf, multipartBody, type MultipartFile } from '../../../../tests/support/pdf-fixtures';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { caller, signInRoles, type Method } from '../../../../tests/support/role-sessions';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { PlanView } from '../../../shared/plans';
import type { EvidenceView, ReportSummaryView, ReportView } from '../../../shared/realisation';
import { SETTING_KEYS } from '../../../shared/settings';
import { settings } from '../../db/schema';

describe('realisation report routes', () => {
  let t: TestApp;
  let admin: string;
  let tkksd: string;
  let pimpinan: string;
  let opdOwn: string;
  let opdOther: string;
  let unit: { id: string; name: string };
  let agreementId: string;
  const call = caller(() => t.app);

  beforeAll(async () => {
    // 4 December 2026: the 2026-S2 window is open, 2026-S1 closed on 30 July.
    t = await createTestApp({ now: new Date('2026-12-04T03:00:00Z') });
    ({ admin, tkksd, pimpinan, unit, opdOwn, opdOther } = await signInRoles(t));
    agreementId = (await buildAgreement(t.database.db, { leadUnitId: unit.id })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function counts() {
    const result: unknown = await t.database.db.execute(
      sql`SELECT (SELECT count(*)::int FROM realisation_reports) AS reports, (SELECT count(*)::int FROM realisation_evidence) AS evidence, (SELECT count(*)::int FROM audit_log WHERE entity = 'realisation_report') AS audit`,
    );
    const row = (result as { rows: { reports: number; evidence: number; audit: number }[] }).rows[0] ?? { reports: 0, evidence: 0, audit: 0 };
    const stored: string[] = [];
    for await (const key of t.files.list()) if (key.startsWith('realisation/')) stored.push(key);
    return { ...row, files: stored.length };
  }

  async function newPlan(): Promise<string> {
    const body = { agreementId, unitId: unit.id, title: 'Pelatihan pemasaran daring UMKM', budgetYear: 2026, budgetAmount: '50000000', budgetSource: 'APBD', indicators: [] };
    const response = await call('POST', '/api/plans', admin, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<PlanView>().id;
  }

  const reportBody = (overrides: object = {}) => ({
    period: '2026-S2',
    summary: 'Pelatihan pemasaran daring bagi pelaku UMKM pasar Gamalama',
    startedOn: '2026-09-01',
    endedOn: '2026-09-03',
    location: 'Aula Dinas Perindustrian dan Perdagangan',
    outputs: 'Tiga angkatan pelatihan',
    beneficiaries: [
      { group: 'umkm', count: 60, place: 'Ternate Tengah' },
      { group: 'pelajar_mahasiswa', count: 15, place: 'Ternate Selatan' },
    ],
    funds: [{ source: 'APBD', realised: '42000000' }],
    completion: 'half_or_more',
    obstaclesInternal: 'Anggaran perjalanan terbatas',
    obstaclesExternal: null,
    followUp: 'Pendampingan toko daring',
    ...overrides,
  });

  async function create(cookie: string, planId: string, overrides: object = {}): Promise<ReportView> {
    const response = await call('POST', `/api/plans/${planId}/reports`, cookie, reportBody(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ReportView>();
  }

  async function upload(cookie: string, reportId: string, file: MultipartFile, kind = 'foto') {
    const body = multipartBody({ fields: { kind }, file });
    return t.app.inject({ method: 'POST', url: `/api/reports/${reportId}/evidence`, headers: { ...body.headers, cookie }, payload: body.payload });
  }

  function removeEvidence(cookie: string, reportId: string, evidenceId: string) {
    return t.app.inject({ method: 'DELETE', url: `/api/reports/${reportId}/evidence/${evidenceId}`, headers: { cookie } });
  }

  it('answers 401 without a session', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const requests: [Method, string, unknown?][] = [
      ['GET', `/api/plans/${id}/reports`],
      ['POST', `/api/plans/${id}/reports`, reportBody()],
      ['GET', '/api/reports'],
      ['GET', `/api/reports/${id}`],
      ['PUT', `/api/reports/${id}`, { summary: 'Ringkasan', version: 1 }],
      ['POST', `/api/reports/${id}/submit`, { version: 1 }],
      ['POST', `/api/reports/${id}/verify`, { version: 1 }],
      ['POST', `/api/reports/${id}/return`, { version: 1, reason: 'Kurang bukti' }],
      ['GET', `/api/reports/${id}/evidence/${id}`],
    ];
    for (const [method, url, payload] of requests) expect((await call(method, url, '', payload)).statusCode, `${method} ${url}`).toBe(401);
  });

  it('lets the plan’s OPD draft a report with the plan’s planned funds, audited, once per plan and period', async () => {
    const planId = await newPlan();
    const before = await counts();
    const report = await create(opdOwn, planId);
    expect(report).toMatchObject({
      planId,
      agreementId,
      unitId: unit.id,
      period: '2026-S2',
      status: 'draft',
      completion: 'half_or_more',
      planned: { amount: '50000000', source: 'APBD' },
      beneficiaries: [{ group: 'umkm', count: 60, place: 'Ternate Tengah' }, { group: 'pelajar_mahasiswa', count: 15, place: 'Ternate Selatan' }],
      version: 1,
      abilities: { canEdit: true, canSubmit: true, canVerify: false, canUploadEvidence: true },
    });
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, audit: before.audit + 1 });
    const again = await call('POST', `/api/plans/${planId}/reports`, opdOwn, reportBody());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('period');
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, audit: before.audit + 1 });
  });

  it('updates a draft with its version, answers 409 to a stale one', async () => {
    const report = await create(opdOwn, await newPlan());
    const updated = await call('PUT', `/api/reports/${report.id}`, opdOwn, { completion: 'completed', funds: [{ source: 'APBD', realised: '50000000' }, { source: 'mitra', realised: '10000000' }], version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<ReportView>()).toMatchObject({ completion: 'completed', version: 2, summary: reportBody().summary });
    expect((await call('PUT', `/api/reports/${report.id}`, opdOwn, { completion: 'cancelled', version: 1 })).statusCode).toBe(409);
  });

  it('locks a submitted report, returns it with a reason, takes the corrected one again and lets the division verify it', async () => {
    const report = await create(opdOwn, await newPlan());
    const before = await counts();
    const submitted = await call('POST', `/api/reports/${report.id}/submit`, opdOwn, { version: 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<ReportView>()).toMatchObject({ status: 'submitted', submittedAt: '2026-12-04T03:00:00.000Z', abilities: { canEdit: false, canUploadEvidence: false } });
    const locked = await call('PUT', `/api/reports/${report.id}`, opdOwn, { summary: 'Diubah setelah diajukan', version: 2 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.field).toBe('status');
    expect((await upload(opdOwn, report.id, { fileName: 'foto.png', content: makePng() })).statusCode).toBe(409);
    const adminView = await call('GET', `/api/reports/${report.id}`, admin);
    expect(adminView.json<ReportView>().abilities).toEqual({ canEdit: false, canSubmit: false, canVerify: true, canUploadEvidence: false });

    const noReason = await call('POST', `/api/reports/${report.id}/return`, admin, { version: 2 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const returned = await call('POST', `/api/reports/${report.id}/return`, admin, { version: 2, reason: 'Lampirkan daftar hadir pelatihan' });
    expect(returned.json<ReportView>()).toMatchObject({ status: 'returned', returnReason: 'Lampirkan daftar hadir pelatihan', version: 3 });
    // The OPD's list says why, without opening the report.
    const listed = (await call('GET', '/api/reports?status=returned', opdOwn)).json<ReportSummaryView[]>();
    expect(listed.find((row) => row.id === report.id)?.returnReason).toBe('Lampirkan daftar hadir pelatihan');
    expect((await call('POST', `/api/reports/${report.id}/verify`, admin, { version: 3 })).statusCode).toBe(400);

    const corrected = await call('PUT', `/api/reports/${report.id}`, opdOwn, { outputs: 'Tiga angkatan pelatihan, daftar hadir terlampir', version: 3 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await call('POST', `/api/reports/${report.id}/submit`, opdOwn, { version: 4 })).json<ReportView>().status).toBe('submitted');
    for (const cookie of [opdOwn, tkksd, pimpinan]) expect((await call('POST', `/api/reports/${report.id}/verify`, cookie, { version: 5 })).statusCode).toBe(403);
    const verified = await call('POST', `/api/reports/${report.id}/verify`, admin, { version: 5 });
    expect(verified.json<ReportView>()).toMatchObject({ status: 'verified', verifiedAt: '2026-12-04T03:00:00.000Z', version: 6 });
    expect((await counts()).audit).toBe(before.audit + 5);
  });

  it('refuses a report for a closed or future period, and bad figures, naming the field and storing nothing', async () => {
    const planId = await newPlan();
    const before = await counts();
    const refused: [object, string][] = [
      [{ period: '2026-S1' }, 'period'],
      [{ period: '2027-S1' }, 'period'],
      [{ period: '2026-S3' }, 'period'],
      [{ beneficiaries: [{ group: 'warga', count: -3, place: 'Ternate Utara' }] }, 'beneficiaries.0.count'],
      [{ funds: [{ source: 'APBD', realised: '-1' }] }, 'funds.0.realised'],
      [{ funds: [{ source: 'APBD', realised: '1' }, { source: 'APBD', realised: '2' }] }, 'funds.1.source'],
      [{ endedOn: '2026-08-01' }, 'endedOn'],
      [{ summary: '' }, 'summary'],
    ];
    for (const [overrides, field] of refused) {
      const response = await call('POST', `/api/plans/${planId}/reports`, opdOwn, reportBody(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().error.field, JSON.stringify(overrides)).toBe(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('stores PDF, JPEG and PNG evidence with its hash while the report is open; refuses what is not what it claims, storing nothing', async () => {
    const report = await create(opdOwn, await newPlan());
    const png = makePng();
    const pdf = await makeTextPdf(['Berita acara serah terima']);
    const stored = await upload(opdOwn, report.id, { fileName: 'pelatihan.png', contentType: 'image/png', content: png });
    expect(stored.statusCode, stored.body).toBe(201);
    expect(stored.json<EvidenceView>()).toMatchObject({ kind: 'foto', mimeType: 'image/png', sizeBytes: png.length, sha256: createHash('sha256').update(png).digest('hex') });
    const minutes = await upload(opdOwn, report.id, { fileName: 'berita-acara.pdf', content: pdf }, 'berita_acara');
    expect(minutes.json<EvidenceView>()).toMatchObject({ kind: 'berita_acara', mimeType: 'application/pdf' });
    const jpeg = Buffer.from('ffd8ffe000104a4649460001010000010001000000ffd9', 'hex');
    const photo = await upload(opdOwn, report.id, { fileName: 'kamera.JPEG', contentType: 'image/jpeg', content: jpeg });
    expect(photo.json<EvidenceView>()).toMatchObject({ kind: 'foto', mimeType: 'image/jpeg', fileName: 'kamera.JPEG' });
    const download = await call('GET', `/api/reports/${report.id}/evidence/${stored.json<EvidenceView>().id}`, pimpinan);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);

    const before = await counts();
    const refusals: [MultipartFile, string, number][] = [
      [{ fileName: 'berita-acara.pdf', contentType: 'application/pdf', content: png }, 'file', 415],
      [{ fileName: 'daftar-hadir.txt', contentType: 'text/plain', content: Buffer.from('bukan berkas bukti') }, 'file', 415],
      [{ fileName: 'catatan.pdf', content: Buffer.from('hanya teks, bukan PDF') }, 'file', 415],
    ];
    for (const [file, field, status] of refusals) {
      const response = await upload(opdOwn, report.id, file);
      expect(response.statusCode, file.fileName).toBe(status);
      expect(response.json().error.field, file.fileName).toBe(field);
    }
    const noKind = await upload(opdOwn, report.id, { fileName: 'foto.png', content: png }, 'selfie');
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.field).toBe('kind');
    expect(await counts()).toEqual(before);
    const detail = await call('GET', `/api/reports/${report.id}`, opdOwn);
    expect(detail.json<ReportView>().evidence.map((evidence) => evidence.kind).sort()).toEqual(['berita_acara', 'foto', 'foto']);
  });

  it('removes evidence from an open report only, audited, with its file', async () => {
    const report = await create(opdOwn, await newPlan());
    const evidence = (await upload(opdOwn, report.id, { fileName: 'bukti-setor.png', content: makePng() }, 'bukti_setor')).json<EvidenceView>();
    const before = await counts();
    for (const cookie of [opdOther, pimpinan, tkksd]) expect((await removeEvidence(cookie, report.id, evidence.id)).statusCode).toBe(403);
    expect((await removeEvidence(opdOwn, report.id, evidence.id)).statusCode).toBe(204);
    expect(await counts()).toEqual({ ...before, evidence: before.evidence - 1, files: before.files - 1, audit: before.audit + 1 });
    const kept = (await upload(opdOwn, report.id, { fileName: 'foto.png', content: makePng() })).json<EvidenceView>();
    expect((await call('POST', `/api/reports/${report.id}/submit`, opdOwn, { version: 1 })).statusCode).toBe(200);
    expect((await removeEvidence(opdOwn, report.id, kept.id)).statusCode).toBe(409);
  });

  it('keeps another OPD out, lets the review team and the pimpinan read but write nothing', async () => {
    const planId = await newPlan();
    const report = await create(opdOwn, planId);
    const evidence = (await upload(opdOwn, report.id, { fileName: 'foto.png', content: makePng() })).json<EvidenceView>();
    for (const [url, status] of [[`/api/plans/${planId}/reports`, 403], [`/api/reports/${report.id}`, 403], [`/api/reports/${report.id}/evidence/${evidence.id}`, 403]] as const) {
      expect((await call('GET', url, opdOther)).statusCode, url).toBe(status);
    }
    for (const cookie of [tkksd, pimpinan, admin, opdOwn]) {
      expect((await call('GET', `/api/plans/${planId}/reports`, cookie)).json<ReportSummaryView[]>().map((row) => row.id)).toEqual([report.id]);
      const view = await call('GET', `/api/reports/${report.id}`, cookie);
      expect(view.statusCode).toBe(200);
    }
    expect((await call('GET', `/api/reports/${report.id}`, pimpinan)).json<ReportView>().abilities).toEqual({ canEdit: false, canSubmit: false, canVerify: false, canUploadEvidence: false });
    const before = await counts();
    for (const cookie of [opdOther, tkksd, pimpinan]) {
      expect((await call('POST', `/api/plans/${planId}/reports`, cookie, reportBody({ period: '2026-S2' }))).statusCode).toBe(403);
      expect((await call('PUT', `/api/reports/${report.id}`, cookie, { summary: 'Diubah orang lain', version: 1 })).statusCode).toBe(403);
      expect((await call('POST', `/api/reports/${report.id}/submit`, cookie, { version: 1 })).statusCode).toBe(403);
      expect((await upload(cookie, report.id, { fileName: 'foto.png', content: makePng() })).statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('queues reports for the division by period and status; an OPD sees only its own', async () => {
    const report = await create(opdOwn, await newPlan());
    await call('POST', `/api/reports/${report.id}/submit`, opdOwn, { version: 1 });
    const queue = await call('GET', '/api/reports?period=2026-S2&status=submitted', admin);
    expect(queue.statusCode).toBe(200);
    const rows = queue.json<ReportSummaryView[]>();
    expect(rows.map((row) => row.id)).toContain(report.id);
    expect(rows.every((row) => row.status === 'submitted' && row.period === '2026-S2')).toBe(true);
    expect((await call('GET', '/api/reports', opdOwn)).json<ReportSummaryView[]>().every((row) => row.unitId === unit.id)).toBe(true);
    expect((await call('GET', '/api/reports', opdOther)).json<ReportSummaryView[]>()).toEqual([]);
    expect((await call('GET', '/api/reports?period=2026', admin)).statusCode).toBe(400);
  });

  it('refuses evidence larger than the upload limit, storing nothing', async () => {
    const report = await create(opdOwn, await newPlan());
    await t.database.db.update(settings).set({ value: 1 }).where(eq(settings.key, SETTING_KEYS.maxUploadMb));
    const before = await counts();
    const big = Buffer.concat([makePng(), Buffer.alloc(1024 * 1024)]);
    const response = await upload(opdOwn, report.id, { fileName: 'besar.png', content: big });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.field).toBe('file');
    expect(await counts()).toEqual(before);
  });

  it('keeps a draft from being changed or submitted once its period has closed; a returned report may still be corrected', async () => {
    // Written in July, while 2026-S1 was still open; read again now that it has closed.
    const now = t.clock.now;
    t.clock.now = new Date('2026-07-15T03:00:00Z');
    let draft: ReportView;
    let returned: ReportView;
    try {
      draft = await create(opdOwn, await newPlan(), { period: '2026-S1', startedOn: null, endedOn: null });
      returned = await create(opdOwn, await newPlan(), { period: '2026-S1', startedOn: null, endedOn: null });
      await call('POST', `/api/reports/${returned.id}/submit`, opdOwn, { version: 1 });
      await call('POST', `/api/reports/${returned.id}/return`, admin, { version: 2, reason: 'Isi realisasi dana mitra' });
    } finally {
      t.clock.now = now;
    }
    const before = await counts();
    for (const [method, url, body] of [['PUT', `/api/reports/${draft.id}`, { summary: 'Terlambat diubah', version: 1 }], ['POST', `/api/reports/${draft.id}/submit`, { version: 1 }]] as const) {
      const response = await call(method, url, opdOwn, body);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.field, url).toBe('period');
    }
    expect(await counts()).toEqual(before);
    const corrected = await call('PUT', `/api/reports/${returned.id}`, opdOwn, { funds: [{ source: 'mitra', realised: '5000000' }], version: 3 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await call('POST', `/api/reports/${returned.id}/submit`, opdOwn, { version: 4 })).json<ReportView>().status).toBe('submitted');
  });

  it('answers 404 for a missing plan, report or evidence', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/api/plans/${id}/reports`, admin)).statusCode).toBe(404);
    expect((await call('POST', `/api/plans/${id}/reports`, admin, reportBody())).statusCode).toBe(404);
    expect((await call('GET', `/api/reports/${id}`, admin)).statusCode).toBe(404);
    expect((await call('PUT', `/api/reports/${id}`, admin, { summary: 'Ringkasan', version: 1 })).statusCode).toBe(404);
    const report = await create(admin, await newPlan());
    expect((await call('GET', `/api/reports/${report.id}/evidence/${id}`, admin)).statusCode).toBe(404);
  });
});
