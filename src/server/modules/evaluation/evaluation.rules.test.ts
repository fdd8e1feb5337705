import { describe, expect, it } from 'vitest';
import type { EvaluationFormInput } from '../../../shared/evaluation';
import { AppError } from '../../lib/errors';
import { DEFAULT_EVALUATION_FORM } from '../../seed/default-evaluation-form';
import { bandOf, checkFormRevision, countedScore, scoreEvaluation } from './evaluation.rules';

const form = DEFAULT_EVALUATION_FORM;
const bands = form.bands;

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return 'no error';
}

function answerAll(score: number, evidenceVerified = true) {
  return form.indicators.map((indicator) => ({ code: indicator.code, score, evidenceVerified }));
}

describe('the evaluation form rules', () => {
  it('accepts the starting set', () => {
    expect(() => checkFormRevision(form)).not.toThrow();
  });

  it('names what is wrong in a revision', () => {
    const [first, second] = form.indicators;
    const twice: EvaluationFormInput = { ...form, indicators: [...form.indicators, { ...first!, question: 'Lagi' }] };
    expect(fieldOf(() => checkFormRevision(twice))).toBe(`indicators.${form.indicators.length}.code`);
    const nobody = { ...form, indicators: form.indicators.map((indicator, index) => (index === 1 ? { ...second!, respondents: [], computedFrom: null } : indicator)) };
    expect(fieldOf(() => checkFormRevision(nobody))).toBe('indicators.1.respondents');
    const both = { ...form, indicators: form.indicators.map((indicator, index) => (index === 0 ? { ...first!, computedFrom: 'plan_exists' as const } : indicator)) };
    expect(fieldOf(() => checkFormRevision(both))).toBe('indicators.0.respondents');
    const noImplementasi = { ...form, indicators: form.indicators.filter((indicator) => indicator.dimension !== 'implementasi') };
    expect(fieldOf(() => checkFormRevision(noImplementasi))).toBe('indicators');
    expect(fieldOf(() => checkFormRevision({ ...form, dimensionWeights: { simbiosis: 30, mutualisme: 35, implementasi: 40 } }))).toBe('dimensionWeights');
    expect(fieldOf(() => checkFormRevision({ ...form, bands: { ...bands, cukup: 3.5 } }))).toBe('bands');
  });
});

describe('scoring an evaluation', () => {
  it('caps an answer that needs evidence at 1 without verified evidence', () => {
    expect(countedScore({ evidenceRequired: true }, { score: 4, evidenceVerified: false })).toBe(1);
    expect(countedScore({ evidenceRequired: true }, { score: 4, evidenceVerified: true })).toBe(4);
    expect(countedScore({ evidenceRequired: false }, { score: 3, evidenceVerified: false })).toBe(3);
    expect(countedScore({ evidenceRequired: true }, { score: 0, evidenceVerified: false })).toBe(0);
  });

  it('gives every element and the whole the same score when every answer is the same', () => {
    expect(scoreEvaluation(form, answerAll(4))).toEqual({ dimensions: { simbiosis: 4, mutualisme: 4, implementasi: 4 }, overall: 4, band: 'efektif' });
    expect(scoreEvaluation(form, answerAll(2))).toMatchObject({ overall: 2, band: 'kurang' });
    expect(scoreEvaluation(form, answerAll(1))).toMatchObject({ overall: 1, band: 'dorman' });
  });

  it('weighs indicators within an element and elements in the whole', () => {
    const answers = form.indicators.map((indicator) => ({ code: indicator.code, score: indicator.dimension === 'implementasi' ? 4 : 2, evidenceVerified: true }));
    const result = scoreEvaluation(form, answers);
    expect(result.dimensions).toEqual({ simbiosis: 2, mutualisme: 2, implementasi: 4 });
    // 25 % × 2 + 35 % × 2 + 40 % × 4 = 2.8
    expect(result.overall).toBe(2.8);
    expect(result.band).toBe('cukup');
  });

  it('leaves unanswered indicators and elements out instead of counting them as 0', () => {
    const onlySimbiosis = answerAll(3).filter((answer) => form.indicators.find((indicator) => indicator.code === answer.code)?.dimension === 'simbiosis');
    expect(scoreEvaluation(form, onlySimbiosis)).toEqual({ dimensions: { simbiosis: 3, mutualisme: null, implementasi: null }, overall: 3, band: 'cukup' });
    expect(scoreEvaluation(form, [])).toEqual({ dimensions: { simbiosis: null, mutualisme: null, implementasi: null }, overall: null, band: null });
  });

  it('draws the bands at their thresholds, and calls a cooperation with Implementasi below 1 dormant whatever the rest', () => {
    const dims = (implementasi: number) => ({ simbiosis: 4, mutualisme: 4, implementasi });
    expect(bandOf(dims(4), { overall: 3.25, bands })).toBe('efektif');
    expect(bandOf(dims(4), { overall: 3.24, bands })).toBe('cukup');
    expect(bandOf(dims(4), { overall: 2.5, bands })).toBe('cukup');
    expect(bandOf(dims(4), { overall: 2.49, bands })).toBe('kurang');
    expect(bandOf(dims(4), { overall: 1.5, bands })).toBe('kurang');
    expect(bandOf(dims(4), { overall: 1.49, bands })).toBe('dorman');
    expect(bandOf(dims(0.99), { overall: 3.5, bands })).toBe('dorman');
    expect(bandOf(dims(1), { overall: 3.5, bands })).toBe('efektif');
  });
});
