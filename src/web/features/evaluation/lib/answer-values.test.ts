import { describe, expect, it } from 'vitest';
import { SubmitResponseSchema, type EvaluationIndicator, type EvaluationView } from '../../../../shared/evaluation';
import { answerBody, answerValuesOf, indicatorsFor, scoreOf } from './answer-values';

const scale = [0, 1, 2, 3, 4].map((step) => ({ id: `langkah ${String(step)}`, en: `step ${String(step)}` }));
function indicator(code: string, extra: Partial<EvaluationIndicator> = {}): EvaluationIndicator {
  return { code, dimension: 'simbiosis', question: 'Pertanyaan?', questionEn: 'Question?', scale, weight: 1, evidenceRequired: false, respondents: ['opd', 'admin'], computedFrom: null, position: 1, ...extra };
}

describe('evaluation answer form values', () => {
  it('asks a respondent only the indicators naming it, never a computed one, in form order', () => {
    const indicators = [indicator('b', { position: 2 }), indicator('a', { position: 1 }), indicator('t', { respondents: ['tkksd'] }), indicator('c', { computedFrom: 'plan_exists' })];
    expect(indicatorsFor(indicators, 'opd').map((item) => item.code)).toEqual(['a', 'b']);
  });

  it('starts from the earlier answers, and empty where there are none', () => {
    const values = answerValuesOf([indicator('a'), indicator('b')], { respondent: 'opd', byName: null, submittedAt: '2026-12-01T00:00:00Z', answers: [{ code: 'b', score: 3, note: 'ada foto' }], result: { dimensions: { simbiosis: 3, mutualisme: null, implementasi: null }, overall: null, band: null } });
    expect(values.answers).toEqual([
      { code: 'a', score: '', note: '', evidenceVerified: false },
      { code: 'b', score: '3', note: 'ada foto', evidenceVerified: false },
    ]);
  });

  it('names the score of an unanswered indicator instead of sending 0', () => {
    const body = answerBody({ answers: [{ code: 'a', score: '', note: '', evidenceVerified: false }] }, 'opd');
    const parsed = SubmitResponseSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['answers', 0, 'score']);
  });

  it('sends evidence verification only for the division', () => {
    const values = { answers: [{ code: 'a', score: '4', note: ' ', evidenceVerified: true }] };
    expect(answerBody(values, 'opd').answers[0]).toEqual({ code: 'a', score: 4, note: null });
    expect(answerBody(values, 'admin').answers[0]).toEqual({ code: 'a', score: 4, note: null, evidenceVerified: true });
  });

  it("reads one respondent's score for one indicator, null where it did not answer", () => {
    const result = { dimensions: { simbiosis: null, mutualisme: null, implementasi: null }, overall: null, band: null };
    const evaluation = { responses: [{ respondent: 'opd', byName: null, submittedAt: '', answers: [{ code: 'a', score: 2 }], result }] } as unknown as EvaluationView;
    expect(scoreOf(evaluation, { respondent: 'opd', code: 'a' })).toBe(2);
    expect(scoreOf(evaluation, { respondent: 'opd', code: 'b' })).toBeNull();
    expect(scoreOf(evaluation, { respondent: 'partner', code: 'a' })).toBeNull();
  });
});
