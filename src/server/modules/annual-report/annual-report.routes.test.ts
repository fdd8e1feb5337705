import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_HEADINGS, SECTION_KEYS, type StatutoryReportList, type StatutoryReportView } from '../../../shared/annual-report';
import type { Role } from '../../../shared/roles';
import { docxText, pdfText, xlsxSheets } from '../../../../tests/support/report-files';
import { buildAgreement, type BuiltAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { buildReportedPlan } from './annual-report.test-support';
import { annualReportStatus, whenGenerationIdle } from './annual-report.service';

describe('statutory report routes', () => {
  let t: TestApp;
  const cookies = {} as Record<Role, string>;
  let inForce: BuiltAgreement;
  let reportId = '';

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-01-03T02:00:00Z') });
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) cookies[role] = (await t.loginAs(role)).cookie;
    const db = t.database.db;
    inForce = await buildAgreement(db, {
      docType: 'PKS',
      numberOurs: 'LAP/001',
      title: 'Pelatihan UMKM Digital',
      signedOn: '2024-02-01',
      startsOn: '2024-02-01',
      endsOn: '2027-01-31',
      scope: 'Pelatihan pemasaran digital.',
      purpose: 'Meningkatkan omzet UMKM.',
    });
    await buildReportedPlan(db, {
      agreementId: inForce.id,
      unitId: inForce.leadUnitId,
      year: 2025,
      period: '2025-S1',
    });
    await buildAgreement(db, {
      docType: 'ADENDUM',
      parentId: inForce.id,
      numberOurs: 'LAP/001/ADD',
      signedOn: '2025-05-01',
      startsOn: '2025-05-01',
      endsOn: '2027-01-31',
    });
    await buildAgreement(db, {
      numberOurs: 'LAP/002',
      signedOn: '2025-12-01',
      startsOn: '2025-12-01',
      endsOn: null,
    });
    await buildAgreement(db, {
      numberOurs: 'LAP/OLD',
      signedOn: '2021-01-01',
      startsOn: '2021-01-01',
      endsOn: '2024-12-31',
    });
    await buildAgreement(db, {
      numberOurs: 'LAP/NEXT',
      signedOn: '2025-12-20',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
    });
    await buildAgreement(db, {
      numberOurs: 'LAP/TERM',
      signedOn: '2023-01-01',
      startsOn: '2023-01-01',
      endsOn: '2027-12-31',
      terminationKind: 'diakhiri',
      terminatedOn: '2024-11-30',
      terminationReason: 'uji',
    });
  });

  afterAll(async () => {
    await whenGenerationIdle();
    await t.close();
  });

  const call = (role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies[role] },
      ...(payload ? { payload } : {}),
    });

  it('lets the division generate the annual report in the background, pending first, then ready', async () => {
    const response = await call('admin', 'POST', '/api/statutory-reports', {
      kind: 'annual',
      year: 2025,
    });
    expect(response.statusCode, response.body).toBe(202);
    const pending: StatutoryReportView = response.json();
    expect(pending).toMatchObject({
      kind: 'annual',
      year: 2025,
      period: '2025',
      status: 'draft',
      dueOn: '2026-01-07',
    });
    expect(pending.job.status).toBe('pending');
    reportId = pending.id;
    await whenGenerationIdle();
    const ready: StatutoryReportView = (await call('admin', 'GET', `/api/statutory-reports/${reportId}`)).json();
    expect(ready.job.status).toBe('ready');
    expect(ready.meta?.counts).toEqual({ recap: 2, dormant: 0, findings: 0 });
    expect(ready.sections?.sections.map((section) => section.label)).toEqual(['PKS LAP/001 — Pelatihan UMKM Digital', expect.stringMatching(/^KB LAP\/002 — /)]);
    expect(ready.sections?.sections[0]?.texts.title).toContain('LAP/001/ADD');
    expect(ready.sections?.sections[0]?.texts.beneficiaries).toContain('UMKM 40');
    const searched: StatutoryReportView = (await call('admin', 'GET', `/api/statutory-reports/${reportId}?q=lap/002`)).json();
    expect(searched.sections?.sections.map((section) => section.number)).toEqual([2]);
    expect(searched.sections?.total).toBe(1);
    expect(ready.can).toEqual({
      edit: true,
      regenerate: true,
      finalise: true,
      submit: false,
    });
  });

  it('refuses the OPDs and lets the TKKSD and the leadership read without editing', async () => {
    expect((await call('opd', 'GET', '/api/statutory-reports')).statusCode).toBe(403);
    expect((await call('opd', 'GET', `/api/statutory-reports/${reportId}`)).statusCode).toBe(403);
    expect((await call('opd', 'GET', `/api/statutory-reports/${reportId}/file?format=pdf`)).statusCode).toBe(403);
    for (const role of ['tkksd', 'pimpinan'] as const) {
      const list: StatutoryReportList = (await call(role, 'GET', '/api/statutory-reports')).json();
      expect(list.reports.map((report) => report.id)).toContain(reportId);
      expect(list.can.generate).toBe(false);
      const view: StatutoryReportView = (await call(role, 'GET', `/api/statutory-reports/${reportId}`)).json();
      expect(view.can).toEqual({
        edit: false,
        regenerate: false,
        finalise: false,
        submit: false,
      });
      expect(
        (
          await call(role, 'POST', '/api/statutory-reports', {
            kind: 'annual',
            year: 2025,
          })
        ).statusCode,
      ).toBe(403);
      expect((await call(role, 'PUT', `/api/statutory-reports/${reportId}/sections/${inForce.id}`, { version: view.version, key: 'scope', text: 'x' })).statusCode).toBe(403);
      expect((await call(role, 'POST', `/api/statutory-reports/${reportId}/finalise`, { version: view.version })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/statutory-reports' })).statusCode).toBe(401);
  });

  it('edits a section of the draft, audited, and refuses a stale version', async () => {
    const before: StatutoryReportView = (await call('admin', 'GET', `/api/statutory-reports/${reportId}`)).json();
    const response = await call('admin', 'PUT', `/api/statutory-reports/${reportId}/sections/${inForce.id}`, {
      version: before.version,
      key: 'analysis',
      text: 'Dilanjutkan dengan angkatan kedua.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const after: StatutoryReportView = response.json();
    expect(after.sections?.sections[0]?.texts.analysis).toBe('Dilanjutkan dengan angkatan kedua.');
    expect(after.version).toBe(before.version + 1);
    expect((await call('admin', 'PUT', `/api/statutory-reports/${reportId}/sections/${inForce.id}`, { version: before.version, key: 'analysis', text: 'lama' })).statusCode).toBe(409);
    const audit: unknown = await t.database.db.execute(sql`SELECT action FROM audit_log WHERE entity = 'statutory_report' AND entity_id = ${reportId} ORDER BY at, id`);
    expect((audit as { rows: { action: string }[] }).rows.map((row) => row.action)).toEqual(['generate', 'edit_section']);
  });

  it('downloads the report as PDF, DOCX and XLSX with the Ps 37(1) headings and the recap', async () => {
    const pdf = await call('pimpinan', 'GET', `/api/statutory-reports/${reportId}/file?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('laporan-tahunan-kerja-sama-2025.pdf');
    const { text } = await pdfText(pdf.rawPayload);
    for (const key of SECTION_KEYS) expect(text).toContain(SECTION_HEADINGS[key].id);
    expect(text).toContain('Pelatihan UMKM Digital');
    expect(text).toContain('Dilanjutkan dengan angkatan kedua.');
    const docx = await docxText((await call('tkksd', 'GET', `/api/statutory-reports/${reportId}/file?format=docx`)).rawPayload);
    expect(docx).toContain('Ruang lingkup');
    expect(docx).toContain('Pelatihan pemasaran digital.');
    const sheets = await xlsxSheets((await call('admin', 'GET', `/api/statutory-reports/${reportId}/file?format=xlsx`)).rawPayload);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Rekap']);
    const [head, ...rows] = sheets[0]?.rows ?? [];
    expect(head?.[1]).toBe('Nomor Pemda');
    expect(rows.map((row) => row[1])).toEqual(['LAP/001', 'LAP/002']);
    expect(rows[0]?.slice(14, 19)).toEqual([1, 1, 40, 25_000_000, 20_000_000]);
  });

  it('finalises: no more edits, no regeneration; then records the submission', async () => {
    const draft: StatutoryReportView = (await call('admin', 'GET', `/api/statutory-reports/${reportId}`)).json();
    const final = await call('admin', 'POST', `/api/statutory-reports/${reportId}/finalise`, { version: draft.version });
    expect(final.statusCode, final.body).toBe(200);
    const finalView: StatutoryReportView = final.json();
    expect(finalView.status).toBe('final');
    expect(finalView.can).toEqual({
      edit: false,
      regenerate: false,
      finalise: false,
      submit: true,
    });
    expect((await call('admin', 'PUT', `/api/statutory-reports/${reportId}/sections/${inForce.id}`, { version: finalView.version, key: 'scope', text: 'x' })).statusCode).toBe(409);
    expect(
      (
        await call('admin', 'POST', '/api/statutory-reports', {
          kind: 'annual',
          year: 2025,
        })
      ).statusCode,
    ).toBe(409);
    expect((await annualReportStatus(t.database.db, '2026-01-03')).find((deadline) => deadline.dueOn === '2026-01-07')).toMatchObject({ submitted: false });
    const submitted = await call('admin', 'POST', `/api/statutory-reports/${reportId}/submission`, {
      version: finalView.version,
      letterNumber: '100.3/15/2026',
      letterDate: '2026-01-05',
      recipient: 'Gubernur Maluku Utara',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      submission: {
        letterNumber: '100.3/15/2026',
        letterDate: '2026-01-05',
        recipient: 'Gubernur Maluku Utara',
      },
    });
    const deadlines = await annualReportStatus(t.database.db, '2026-01-03');
    expect(deadlines.find((deadline) => deadline.dueOn === '2026-01-07')).toEqual({
      label: 'Laporan tahunan pelaksanaan kerja sama 2025',
      dueOn: '2026-01-07',
      submitted: true,
    });
    expect(deadlines.map((deadline) => deadline.dueOn)).toEqual(['2026-01-07', '2026-01-14', '2026-07-14', '2027-01-07', '2027-01-14']);
  });

  it('generates the semester monitoring report with its dormant and findings sheets', async () => {
    const response = await call('admin', 'POST', '/api/statutory-reports', {
      kind: 'semester',
      year: 2025,
      half: 2,
    });
    expect(response.statusCode, response.body).toBe(202);
    const id: string = response.json().id;
    await whenGenerationIdle();
    const view: StatutoryReportView = (await call('admin', 'GET', `/api/statutory-reports/${id}`)).json();
    expect(view).toMatchObject({
      period: '2025-S2',
      part: 'S2',
      dueOn: '2026-01-14',
    });
    expect(view.meta?.counts.recap).toBe(2);
    const sheets = await xlsxSheets((await call('admin', 'GET', `/api/statutory-reports/${id}/file?format=xlsx`)).rawPayload);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Rekap', 'Dorman', 'Temuan']);
    expect(
      (
        await call('admin', 'POST', '/api/statutory-reports', {
          kind: 'semester',
          year: 2025,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('keeps the layout and deadlines as settings the division edits', async () => {
    const current = (await call('tkksd', 'GET', '/api/statutory-reports/settings')).json();
    expect(current).toMatchObject({
      annualDueDay: 7,
      semesterDueDays: 14,
      canEdit: false,
    });
    const body = {
      version: current.version,
      letterhead: 'PEMERINTAH KOTA TERNATE',
      signatoryName: 'Wali Kota',
      signatoryTitle: 'Wali Kota Ternate',
      annualDueDay: 5,
      semesterDueDays: 10,
    };
    expect((await call('tkksd', 'PUT', '/api/statutory-reports/settings', body)).statusCode).toBe(403);
    const saved = await call('admin', 'PUT', '/api/statutory-reports/settings', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ annualDueDay: 5, canEdit: true });
    expect((await call('admin', 'PUT', '/api/statutory-reports/settings', body)).statusCode).toBe(409);
    const list: StatutoryReportList = (await call('admin', 'GET', '/api/statutory-reports')).json();
    expect(list.reports.find((report) => report.id === reportId)?.dueOn).toBe('2026-01-05');
  });
});
