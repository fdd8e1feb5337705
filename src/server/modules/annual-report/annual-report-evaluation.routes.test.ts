import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { xlsxSheets } from '../../../../tests/support/report-files';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { StatutoryReportView } from '../../../shared/annual-report';
import type { Answer } from '../../../shared/evaluation';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { seedEvaluationForm } from '../evaluation/evaluation-form.service';
import { whenGenerationIdle } from './annual-report.service';

function answersFor(respondent: 'opd' | 'tkksd' | 'admin', score: number, extra: Partial<Answer> = {}): Answer[] {
  return DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score, ...extra }));
}

// The analysis section and the recap carry the Simbiosis, Mutualisme and Implementasi scores and the
// band of the agreement's latest final evaluation.
describe('statutory report with a final evaluation', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-01-03T02:00:00Z') });
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    const agreement = await buildAgreement(t.database.db, { numberOurs: 'EVA/001', signedOn: '2024-01-10', startsOn: '2024-01-10', endsOn: '2027-01-09' });
    cookies.admin = (await t.loginAs('admin')).cookie;
    cookies.tkksd = (await t.loginAs('tkksd')).cookie;
    cookies.lead = (await t.loginAs('opd', { unitId: agreement.leadUnitId })).cookie;
    const call = (method: 'POST' | 'PUT', url: string, who: string, payload: object) => t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, payload });
    const opened = await call('POST', `/api/agreements/${agreement.id}/evaluations`, 'admin', { period: '2025-S2' });
    expect(opened.statusCode, opened.body).toBe(201);
    const id: string = opened.json().id;
    expect((await call('PUT', `/api/evaluations/${id}/response`, 'lead', { answers: answersFor('opd', 3) })).statusCode).toBe(200);
    expect((await call('PUT', `/api/evaluations/${id}/response`, 'tkksd', { answers: answersFor('tkksd', 3) })).statusCode).toBe(200);
    expect((await call('PUT', `/api/evaluations/${id}/response`, 'admin', { answers: answersFor('admin', 3, { evidenceVerified: true }) })).statusCode).toBe(200);
    const final = await call('POST', `/api/evaluations/${id}/finalise`, 'admin', { version: 1 });
    expect(final.statusCode, final.body).toBe(200);
  });

  afterAll(async () => {
    await whenGenerationIdle();
    await t.close();
  });

  it('fills the analysis and the S/M/I columns from the latest final evaluation', async () => {
    const headers = { cookie: cookies.admin ?? '' };
    const created = await t.app.inject({ method: 'POST', url: '/api/statutory-reports', headers, payload: { kind: 'annual', year: 2025 } });
    expect(created.statusCode, created.body).toBe(202);
    await whenGenerationIdle();
    const view: StatutoryReportView = (await t.app.inject({ method: 'GET', url: `/api/statutory-reports/${created.json().id}`, headers })).json();
    expect(view.sections?.sections[0]?.texts.analysis).toMatch(/^Evaluasi periode 2025-S2: Simbiosis \d,\d\d, Mutualisme \d,\d\d, Implementasi \d,\d\d; nilai akhir \d,\d\d/);
    const sheets = await xlsxSheets((await t.app.inject({ method: 'GET', url: `/api/statutory-reports/${created.json().id}/file?format=xlsx`, headers })).rawPayload);
    const [head, row] = sheets[0]?.rows ?? [];
    const scores = ['Skor Simbiosis', 'Skor Mutualisme', 'Skor Implementasi'].map((name) => row?.[(head ?? []).indexOf(name)]);
    for (const score of scores) expect(typeof score).toBe('number');
    expect(row?.[(head ?? []).indexOf('Predikat')]).toMatch(/^(Efektif|Cukup|Kurang|Dorman)$/);
  });
});
