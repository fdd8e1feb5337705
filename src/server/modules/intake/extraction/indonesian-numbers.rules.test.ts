import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIndonesianNumber, spellIndonesianNumber } from './indonesian-numbers.rules';

describe('parseIndonesianNumber', () => {
  it.each([
    ['satu', 1],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['dua belas', 12],
    ['dua puluh', 20],
    ['tiga puluh satu', 31],
    ['seratus', 100],
    ['seratus dua puluh lima', 125],
    ['dua ratus', 200],
    ['seribu', 1000],
    ['seribu sembilan ratus sembilan puluh sembilan', 1999],
    ['dua ribu dua puluh satu', 2021],
    ['dua ribu', 2000],
    ['sebelas ribu', 11000],
  ])('reads "%s" as %i', (phrase, value) => {
    expect(parseIndonesianNumber(phrase)).toBe(value);
  });

  it('tolerates OCR noise: doubled spaces, line breaks, case and joined words', () => {
    expect(parseIndonesianNumber('Dua  RIBU\ndua puluh  satu')).toBe(2021);
    expect(parseIndonesianNumber('duapuluh empat')).toBe(24);
    expect(parseIndonesianNumber('dua-puluh')).toBe(20);
  });

  it('refuses phrases that are not numbers', () => {
    expect(parseIndonesianNumber('Mei')).toBeNull();
    expect(parseIndonesianNumber('')).toBeNull();
    expect(parseIndonesianNumber('puluh')).toBeNull();
    expect(parseIndonesianNumber('dua tiga')).toBeNull();
    expect(parseIndonesianNumber('ribu')).toBeNull();
  });

  it('reads back every number it spells', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), (value) => parseIndonesianNumber(spellIndonesianNumber(value)) === value));
  });

  it('spells years and terms as drafters do', () => {
    expect(spellIndonesianNumber(2021)).toBe('dua ribu dua puluh satu');
    expect(spellIndonesianNumber(24)).toBe('dua puluh empat');
    expect(spellIndonesianNumber(11)).toBe('sebelas');
    expect(spellIndonesianNumber(1000)).toBe('seribu');
  });
});
