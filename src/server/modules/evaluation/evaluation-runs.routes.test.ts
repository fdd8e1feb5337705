import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Answer, EvaluationSummary, EvaluationView } from '../../../shared/evaluation';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { auditLog } from '../audit/audit.table';
import { evaluationResponses } from './evaluation.table';
import { seedEvaluationForm } from './evaluation-form.service';

// Every answerable indicator the form asks of a respondent, with one score.
function answersFor(respondent: 'opd' | 'tkksd' | 'admin' | 'partner', score: number, extra: Partial<Answer> = {}): Answer[] {
  return DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score, ...extra }));
}

describe('evaluations of an agreement', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let agreementId: string;
  let evaluation: EvaluationView;

  beforeAll(async () => {
    t = await createTestApp();
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    const lead = await buildUnit(t.database.db, { name: 'Dinas Koperasi Uji Evaluasi' });
    const supporting = await buildUnit(t.database.db, { name: 'Dinas Pendukung Uji Evaluasi' });
    agreementId = (await buildAgreement(t.database.db, { leadUnitId: lead.id, supportingUnitIds: [supporting.id] })).id;
    cookies.admin = (await t.loginAs('admin')).cookie;
    cookies.tkksd = (await t.loginAs('tkksd')).cookie;
    cookies.pimpinan = (await t.loginAs('pimpinan')).cookie;
    cookies.lead = (await t.loginAs('opd', { unitId: lead.id })).cookie;
    cookies.supporting = (await t.loginAs('opd', { unitId: supporting.id })).cookie;
    cookies.outsider = (await t.loginAs('opd')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

  it('lets only the division open one, once per period, and names a bad period', async () => {
    for (const who of ['tkksd', 'lead', 'pimpinan']) expect((await call('POST', `/api/agreements/${agreementId}/evaluations`, who, { period: '2026-S2' })).statusCode, who).toBe(403);
    const bad = await call('POST', `/api/agreements/${agreementId}/evaluations`, 'admin', { period: '2026-3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('period');
    const opened = await call('POST', `/api/agreements/${agreementId}/evaluations`, 'admin', { period: '2026-S2' });
    expect(opened.statusCode).toBe(201);
    evaluation = opened.json<EvaluationView>();
    expect(evaluation).toMatchObject({ period: '2026-S2', formRevision: 1, status: 'open', computedFrozenAt: null, can: { answerAs: 'admin', finalise: true } });
    // Before anyone answers, only the computed indicators score: no plan and nothing disseminated
    // count 0; obligations, beneficiaries and reports have nothing to measure yet.
    expect(evaluation.result.dimensions).toEqual({ simbiosis: 0, mutualisme: null, implementasi: null });
    expect(evaluation.computed.map((value) => [value.code, value.score])).toEqual([
      ['kewajiban_tepat_waktu', null],
      ['rencana_kegiatan', 0],
      ['diseminasi_diterima', 0],
      ['penerima_manfaat', null],
      ['laporan_berkala', null],
    ]);
    const twice = await call('POST', `/api/agreements/${agreementId}/evaluations`, 'admin', { period: '2026-S2' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('period');
  });

  it('tells each reader as whom it answers, and keeps other OPDs out', async () => {
    const answerAs = async (who: string) => (await call('GET', `/api/evaluations/${evaluation.id}`, who)).json<EvaluationView>().can.answerAs;
    expect(await answerAs('lead')).toBe('opd');
    expect(await answerAs('tkksd')).toBe('tkksd');
    expect(await answerAs('supporting')).toBeNull();
    expect(await answerAs('pimpinan')).toBeNull();
    expect((await call('GET', `/api/evaluations/${evaluation.id}`, 'outsider')).statusCode).toBe(403);
    expect((await call('GET', `/api/agreements/${agreementId}/evaluations`, 'outsider')).statusCode).toBe(403);
    expect((await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'supporting', { answers: answersFor('opd', 3) })).statusCode).toBe(403);
    expect((await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'pimpinan', { answers: answersFor('opd', 3) })).statusCode).toBe(403);
  });

  it('refuses a score outside the scale and an indicator not asked of the respondent, storing nothing', async () => {
    const outside = await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'lead', { answers: [{ code: 'koordinasi', score: 5 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('answers.0.score');
    const notAsked = await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'lead', { answers: [{ code: 'manfaat_mitra', score: 3 }] });
    expect(notAsked.statusCode).toBe(400);
    expect(notAsked.json().error.field).toBe('answers.0.code');
    expect(await t.database.db.select().from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluation.id))).toEqual([]);
  });

  it('scores the OPD, the TKKSD and the division, capping unverified evidence, and finalises after the division answered', async () => {
    const afterOpd = (await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'lead', { answers: answersFor('opd', 4) })).json<EvaluationView>();
    const opdResult = afterOpd.responses.find((response) => response.respondent === 'opd')?.result;
    // Without the division's verification, the indicators that need evidence count for 1 at most.
    expect(opdResult?.dimensions.implementasi).toBeLessThan(4);
    expect((await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'tkksd', { answers: answersFor('tkksd', 3) })).statusCode).toBe(200);
    expect((await call('POST', `/api/evaluations/${evaluation.id}/finalise`, 'admin', { version: 1 })).json().error.field).toBe('answers');
    const verified = (await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'admin', { answers: answersFor('admin', 4, { evidenceVerified: true }) })).json<EvaluationView>();
    expect(verified.responses.find((response) => response.respondent === 'opd')?.result.dimensions.implementasi).toBeGreaterThan(opdResult?.dimensions.implementasi ?? 0);
    expect(verified.result.band).not.toBeNull();
    const final = await call('POST', `/api/evaluations/${evaluation.id}/finalise`, 'admin', { version: 1 });
    expect(final.statusCode).toBe(200);
    expect(final.json<EvaluationView>()).toMatchObject({ status: 'final', can: { answerAs: null, finalise: false, reopen: true } });
    expect((await call('PUT', `/api/evaluations/${evaluation.id}/response`, 'lead', { answers: answersFor('opd', 1) })).statusCode).toBe(409);
  });

  it('reopens as a new evaluation and keeps the final one in the history', async () => {
    const reopened = await call('POST', `/api/evaluations/${evaluation.id}/reopen`, 'admin');
    expect(reopened.statusCode).toBe(201);
    expect(reopened.json<EvaluationView>()).toMatchObject({ reopenedFrom: evaluation.id, status: 'open', period: '2026-S2' });
    const history = (await call('GET', `/api/agreements/${agreementId}/evaluations`, 'lead')).json<EvaluationSummary[]>();
    expect(history.map((entry) => entry.status).sort()).toEqual(['final', 'open']);
    const final = history.find((entry) => entry.id === evaluation.id);
    expect(final?.status).toBe('final');
    expect([...(final?.respondents ?? [])].sort()).toEqual(['admin', 'opd', 'tkksd']);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'evaluation'), eq(auditLog.entityId, evaluation.id)));
    expect(audit.map((entry) => entry.action)).toEqual(['open', 'answer_opd', 'answer_tkksd', 'answer_admin', 'finalise']);
  });
});
