import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { EvaluationFormSummary, EvaluationFormView } from '../../../shared/evaluation';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { auditLog } from '../audit/audit.table';
import { seedEvaluationForm } from './evaluation-form.service';

describe('evaluation form routes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.loginAs('admin')).cookie;
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const revised = (basedOn: number, change: Partial<typeof DEFAULT_EVALUATION_FORM> = {}) => ({ ...DEFAULT_EVALUATION_FORM, note: 'Bobot koordinasi dinaikkan', ...change, basedOn });

  it('answers 404 before a form exists, then seeds revision 1 once', async () => {
    expect((await call('GET', '/api/evaluation/form', admin)).statusCode).toBe(404);
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    await seedEvaluationForm(t.database.db, { form: DEFAULT_EVALUATION_FORM, now: t.clock.now });
    const list = (await call('GET', '/api/evaluation/forms', admin)).json<EvaluationFormSummary[]>();
    expect(list).toEqual([expect.objectContaining({ revision: 1, isCurrent: true, indicatorCount: DEFAULT_EVALUATION_FORM.indicators.length })]);
  });

  it('lets every signed-in role read the current form, and only the division revise it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/evaluation/form' })).statusCode).toBe(401);
    for (const role of ['admin', 'tkksd', 'opd', 'pimpinan'] as const) {
      const { cookie } = await t.loginAs(role);
      const response = await call('GET', '/api/evaluation/form', cookie);
      expect(response.statusCode, role).toBe(200);
      const view = response.json<EvaluationFormView>();
      expect(view.indicators.map((indicator) => indicator.code)).toEqual(DEFAULT_EVALUATION_FORM.indicators.map((indicator) => indicator.code));
      expect(view.can.revise, role).toBe(role === 'admin');
      if (role !== 'admin') expect((await call('POST', '/api/evaluation/forms', cookie, revised(1))).statusCode, role).toBe(403);
    }
  });

  it('writes a change as a new revision and leaves the earlier one as it was', async () => {
    const indicators = DEFAULT_EVALUATION_FORM.indicators.map((indicator) => (indicator.code === 'koordinasi' ? { ...indicator, weight: 5, question: 'Koordinasi rutin minimal sekali per triwulan' } : indicator));
    const created = await call('POST', '/api/evaluation/forms', admin, revised(1, { indicators }));
    expect(created.statusCode).toBe(201);
    expect(created.json<EvaluationFormView>()).toMatchObject({ revision: 2, isCurrent: true, note: 'Bobot koordinasi dinaikkan' });
    const first = (await call('GET', '/api/evaluation/forms/1', admin)).json<EvaluationFormView>();
    expect(first.isCurrent).toBe(false);
    expect(first.indicators.find((indicator) => indicator.code === 'koordinasi')).toMatchObject({ weight: 3, question: DEFAULT_EVALUATION_FORM.indicators[0]!.question });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'evaluation_form'), eq(auditLog.entityId, '2')));
    expect(audit.map((entry) => entry.action)).toEqual(['create']);
  });

  it('refuses a revision made from an older one, so a second editor does not replace the first unseen', async () => {
    const stale = await call('POST', '/api/evaluation/forms', admin, revised(1));
    expect(stale.statusCode).toBe(409);
    expect((await call('GET', '/api/evaluation/forms', admin)).json<EvaluationFormSummary[]>().map((form) => form.revision)).toEqual([2, 1]);
  });

  it('names the field of a bad revision and stores nothing', async () => {
    const badScale = DEFAULT_EVALUATION_FORM.indicators.map((indicator, index) => (index === 0 ? { ...indicator, scale: indicator.scale.slice(0, 4) } : indicator));
    const cases: [object, string][] = [
      [revised(2, { indicators: badScale }), 'indicators.0.scale'],
      [revised(2, { dimensionWeights: { simbiosis: 25, mutualisme: 35, implementasi: 50 } }), 'dimensionWeights'],
      [revised(2, { indicators: [...DEFAULT_EVALUATION_FORM.indicators, DEFAULT_EVALUATION_FORM.indicators[0]!] }), `indicators.${DEFAULT_EVALUATION_FORM.indicators.length}.code`],
    ];
    for (const [payload, field] of cases) {
      const response = await call('POST', '/api/evaluation/forms', admin, payload);
      expect(response.statusCode, field).toBe(400);
      expect(JSON.stringify(response.json()), field).toContain(field);
    }
    expect((await call('GET', '/api/evaluation/forms', admin)).json<EvaluationFormSummary[]>().map((form) => form.revision)).toEqual([2, 1]);
  });

  it('keeps a written revision frozen even against a direct UPDATE or DELETE', async () => {
    await expect(t.database.db.execute(sql`UPDATE evaluation_indicators SET weight = 9 WHERE revision = 1 AND code = 'koordinasi'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM evaluation_forms WHERE revision = 1`)).rejects.toThrow();
    const first = (await call('GET', '/api/evaluation/forms/1', admin)).json<EvaluationFormView>();
    expect(first.indicators.find((indicator) => indicator.code === 'koordinasi')?.weight).toBe(3);
  });
});
