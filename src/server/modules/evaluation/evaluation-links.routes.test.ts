import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit } from '../../../../tests/support/builders';
import { buildAgreement } from '../../../../tests/support/registry-builders';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Answer, EvaluationView } from '../../../shared/evaluation';
import type { PartnerEvaluationView, PartnerLinkAnswer, PartnerLinkView } from '../../../shared/evaluation-links';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { auditLog } from '../audit/audit.table';
import { startSmtpSink, type SmtpSink } from '../mail/smtp-sink.test-support';
import { evaluationResponses } from './evaluation.table';
import { seedEvaluationForm } from './evaluation-form.service';

const PUBLIC_URL = 'https://jalin.ternatekota.go.id';

function answersFor(respondent: 'opd' | 'partner' | 'admin', score: number): Answer[] {
  return DEFAULT_EVALUATION_FORM.indicators.filter((indicator) => indicator.respondents.includes(respondent)).map((indicator) => ({ code: indicator.code, score }));
}

function tokenIn(text: string): string {
  const match = new RegExp(`${PUBLIC_URL}/penilaian#([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no evaluation link in: ${text}`);
  return match[1];
}

describe("the partner's private evaluation link", () => {
  let t: TestApp;
  let sink: SmtpSink;
  const cookies: Record<string, string> = {};
  let evaluationId: string;
  let address = 0;
  // Each public request from its own address, so the per-address limit is met only where meant.
  const nextAddress = () => `10.9.0.${String((address += 1) % 250)}`;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url, JALIN_PUBLIC_URL: PUBLIC_URL } });
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    const lead = await buildUnit(t.database.db, { name: 'Dinas Uji Tautan Mitra' });
    const agreementId = (await buildAgreement(t.database.db, { leadUnitId: lead.id })).id;
    for (const role of ['admin', 'tkksd', 'pimpinan'] as const) cookies[role] = (await t.loginAs(role)).cookie;
    cookies.opd = (await t.loginAs('opd', { unitId: lead.id })).cookie;
    const opened = await t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/evaluations`, headers: { cookie: cookies.admin! }, payload: { period: '2026-S1' } });
    evaluationId = opened.json<EvaluationView>().id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const staff = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const linkUrl = () => `/api/evaluations/${evaluationId}/partner-link`;
  const publicCall = (method: 'GET' | 'PUT', token: string, payload?: object) => t.app.inject({ method, url: `/api/public/evaluations/${token}`, remoteAddress: nextAddress(), ...(payload ? { payload } : {}) });
  const send = async (payload: object) => {
    const before = sink.mails.length;
    const response = await staff('POST', linkUrl(), 'admin', payload);
    expect(response.statusCode, response.body).toBe(201);
    const mail = sink.mails.slice(before).at(-1);
    return { view: response.json<PartnerLinkView>(), mail, token: tokenIn(mail?.text ?? '') };
  };
  const partnerRows = () => t.database.db.select().from(evaluationResponses).where(and(eq(evaluationResponses.evaluationId, evaluationId), eq(evaluationResponses.respondent, 'partner')));

  it('lets only the division send, read and revoke the link', async () => {
    for (const who of ['tkksd', 'opd', 'pimpinan']) {
      expect((await staff('POST', linkUrl(), who, { email: 'mitra@contoh.id' })).statusCode, who).toBe(403);
      expect((await staff('GET', linkUrl(), who)).statusCode, who).toBe(403);
      expect((await staff('DELETE', linkUrl(), who)).statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: linkUrl(), payload: { email: 'mitra@contoh.id' } })).statusCode).toBe(401);
    expect((await staff('GET', linkUrl(), 'admin')).json<PartnerLinkAnswer>()).toEqual({ link: null });
  });

  it('names a bad e-mail, or a missing one before any link was sent, and stores nothing', async () => {
    const bad = await staff('POST', linkUrl(), 'admin', { email: 'bukan-email', validDays: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('email');
    const missing = await staff('POST', linkUrl(), 'admin', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('email');
    expect((await staff('POST', linkUrl(), 'admin', { email: 'mitra@contoh.id', validDays: 999 })).body).toContain('validDays');
    expect((await staff('GET', linkUrl(), 'admin')).json<PartnerLinkAnswer>().link).toBeNull();
  });

  it('mails the link through SMTP and shows the division its state, never the token', async () => {
    const { view, mail, token } = await send({ email: 'Evaluasi@Mitra-Uji.co.id', validDays: 14 });
    expect(mail?.to).toEqual(['evaluasi@mitra-uji.co.id']);
    expect(mail?.subject).toContain('2026-S1');
    expect(view).toMatchObject({ state: 'active', sentTo: 'evaluasi@mitra-uji.co.id', revokedAt: null, answeredAt: null, expiresAt: new Date(t.clock.now.getTime() + 14 * 86_400_000).toISOString() });
    const evaluation = await staff('GET', `/api/evaluations/${evaluationId}`, 'admin');
    expect(evaluation.json<EvaluationView>()).toMatchObject({ partnerLink: { state: 'active' }, can: { sendPartnerLink: true } });
    expect(evaluation.body).not.toContain(token);
    expect((await staff('GET', `/api/evaluations/${evaluationId}`, 'tkksd')).json<EvaluationView>().partnerLink).toBeNull();
  });

  it('shows the partner only its own questions, with the scale meanings', async () => {
    const { token } = await send({});
    const response = await publicCall('GET', token);
    expect(response.statusCode).toBe(200);
    const view = response.json<PartnerEvaluationView>();
    expect(view.period).toBe('2026-S1');
    expect(view.questions.map((question) => question.code)).toEqual(answersFor('partner', 0).map((answer) => answer.code));
    expect(view.questions[0]?.scale).toHaveLength(5);
    expect(view.answers).toEqual([]);
  });

  it('refuses a bad answer through the link naming the field, storing nothing', async () => {
    const { token } = await send({});
    const outside = await publicCall('PUT', token, { answers: [{ code: answersFor('partner', 0)[0]!.code, score: 7 }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('answers.0.score');
    const notAsked = await publicCall('PUT', token, { answers: [{ code: 'koordinasi_opd_tidak_ada', score: 2 }] });
    expect(notAsked.json().error.field).toBe('answers.0.code');
    const opdOnly = DEFAULT_EVALUATION_FORM.indicators.find((indicator) => !indicator.respondents.includes('partner') && indicator.computedFrom === null);
    expect((await publicCall('PUT', token, { answers: [{ code: opdOnly!.code, score: 2 }] })).json().error.field).toBe('answers.0.code');
    expect(await partnerRows()).toEqual([]);
  });

  it("stores the partner's answer, changes the gap, and audits it as the partner via link", async () => {
    expect((await staff('PUT', `/api/evaluations/${evaluationId}/response`, 'opd', { answers: answersFor('opd', 4) })).statusCode).toBe(200);
    const { token } = await send({});
    const answered = await publicCall('PUT', token, { answers: answersFor('partner', 1) });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<PartnerEvaluationView>().answers).toHaveLength(answersFor('partner', 1).length);
    const view = (await staff('GET', `/api/evaluations/${evaluationId}`, 'admin')).json<EvaluationView>();
    expect(view.responses.map((response) => response.respondent)).toContain('partner');
    expect(view.partnerGap?.simbiosis).toBeLessThan(0);
    expect(view.partnerLink?.answeredAt).toBe(t.clock.now.toISOString());
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, evaluationId), eq(auditLog.action, 'answer_partner')));
    expect(audit.map((entry) => entry.actorLabel)).toEqual(['partner via link (evaluasi@mitra-uji.co.id)']);
  });

  it('stops a replaced link, a revoked link, an unknown token and an expired link, each with its reason', async () => {
    const first = await send({});
    const second = await send({ validDays: 1 });
    const replaced = await publicCall('GET', first.token);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json().error.details.reason).toBe('revoked');
    expect((await publicCall('PUT', first.token, { answers: answersFor('partner', 4) })).statusCode).toBe(404);
    expect((await publicCall('GET', 'x'.repeat(43))).json().error.details.reason).toBe('unknown');
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 2 * 86_400_000);
    const expired = await publicCall('PUT', second.token, { answers: answersFor('partner', 4) });
    expect(expired.json().error).toMatchObject({ details: { reason: 'expired' }, message: expect.stringContaining('kedaluwarsa'), messageEn: expect.stringContaining('expired') });
    t.clock.now = saved;
    const third = await send({});
    const revoked = await staff('DELETE', linkUrl(), 'admin');
    expect(revoked.json<PartnerLinkView>()).toMatchObject({ state: 'revoked' });
    expect((await publicCall('GET', third.token)).json().error.details.reason).toBe('revoked');
    expect((await staff('DELETE', linkUrl(), 'admin')).statusCode).toBe(404);
    expect((await partnerRows())[0]?.answers.every((answer) => answer.score === 1)).toBe(true);
    const actions = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, evaluationId), eq(auditLog.action, 'partner_link_revoke')));
    expect(actions).toHaveLength(1);
  });

  it('limits the public routes per address', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 62; index += 1) {
      statuses.push((await t.app.inject({ method: 'GET', url: `/api/public/evaluations/${'y'.repeat(43)}`, remoteAddress: '10.8.8.8' })).statusCode);
    }
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers a link whose evaluation was finalised as closed and stores nothing more', async () => {
    const { token } = await send({});
    expect((await staff('PUT', `/api/evaluations/${evaluationId}/response`, 'admin', { answers: [{ ...answersFor('admin', 3)[0]!, evidenceVerified: false }] })).statusCode).toBe(200);
    expect((await staff('POST', `/api/evaluations/${evaluationId}/finalise`, 'admin', { version: 1 })).statusCode).toBe(200);
    const closed = await publicCall('PUT', token, { answers: answersFor('partner', 4) });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details.reason).toBe('closed');
    expect((await partnerRows())[0]?.answers.every((answer) => answer.score === 1)).toBe(true);
    expect((await staff('POST', linkUrl(), 'admin', {})).statusCode).toBe(409);
  });
});
