import { describe, expect, it } from 'vitest';
import { fieldResults, wrongFields } from '../../../../../tests/support/scan-accuracy';
import { generateAgreementTexts } from '../../../../../tests/support/scan-fixtures';
import { extractAgreementFields } from './agreement-fields.rules';

// The generated set without OCR: every layout the fixtures make must be read exactly, so that any
// miss in the scanned set is the OCR's and not the rules'.
describe('extractAgreementFields on generated agreement texts', () => {
  const fixtures = generateAgreementTexts({ count: 60, seed: 7 });

  it('covers every kind and layout', () => {
    expect(new Set(fixtures.map((fixture) => fixture.truth.kind))).toEqual(new Set(['KB', 'PKS', 'NK', 'ADENDUM']));
    expect(new Set(fixtures.map((fixture) => fixture.layout.date))).toEqual(new Set(['spelled', 'numeric', 'signature']));
    expect(new Set(fixtures.map((fixture) => fixture.layout.numbers))).toEqual(new Set(['after-parties', 'labelled', 'after-title']));
    expect(new Set(fixtures.map((fixture) => fixture.layout.parties))).toEqual(new Set(['labelled', 'inline']));
    expect(new Set(fixtures.map((fixture) => fixture.pages.length))).toEqual(new Set([1, 2]));
    expect(fixtures.some((fixture) => fixture.truth.startsOn !== fixture.truth.signedOn)).toBe(true);
    expect(fixtures.some((fixture) => fixture.truth.parties[0]?.organisation !== 'Pemerintah Kota Ternate')).toBe(true);
  });

  it('reads every checked field right on all of them', () => {
    const results = fixtures.map((fixture) => fieldResults(fixture.truth, extractAgreementFields(fixture.pages)));
    expect(wrongFields(results)).toEqual([]);
  });

  it('points each field at the page text it came from', () => {
    for (const fixture of fixtures) {
      const { evidence } = extractAgreementFields(fixture.pages);
      for (const span of Object.values(evidence)) {
        expect(fixture.pages[span.page - 1]?.slice(span.start, span.end)).toBe(span.text);
      }
      expect(evidence.title?.text.replace(/\s+/g, ' ')).toBe(fixture.truth.title);
    }
  });

  it('is the same set on every run (seeded)', () => {
    expect(generateAgreementTexts({ count: 3, seed: 7 })).toEqual(fixtures.slice(0, 3));
  });
});
