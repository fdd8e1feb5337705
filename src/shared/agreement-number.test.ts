import { describe, expect, it } from 'vitest';
import { agreementNumberKey, isSameAgreementNumber } from './agreement-number';

describe('agreementNumberKey', () => {
  it.each([
    ['the same number in capitals', 'VAR-1/A'],
    ['the number in small letters', 'var-1/a'],
    ['spaces around the separators', 'VAR-1 / A'],
    ['a zero-width space inside', 'VAR-1/\u200BA'],
    ['a Cyrillic А for the Latin A', 'VAR-1/\u0410'],
    ['Greek capitals that look Latin', 'V\u0391R-1/\u0391'],
    ['full-width letters and an en dash', 'ＶＡＲ\u20131/A'],
    ['a soft hyphen and a byte-order mark', '\uFEFFVAR-1/\u00ADA'],
    ['runs of spaces and a non-breaking space', ' VAR - 1\u00A0/  A '],
  ])('gives %s the key of VAR-1/A', (_label, number) => {
    expect(agreementNumberKey(number)).toBe('var-1/a');
    expect(isSameAgreementNumber(number, 'VAR-1/A')).toBe(true);
  });

  it('keeps numbers apart that differ in a letter, a digit or a separator', () => {
    expect(agreementNumberKey('VAR-1/B')).not.toBe(agreementNumberKey('VAR-1/A'));
    expect(agreementNumberKey('VAR-2/A')).not.toBe(agreementNumberKey('VAR-1/A'));
    expect(agreementNumberKey('VAR-1.A')).not.toBe(agreementNumberKey('VAR-1/A'));
    expect(agreementNumberKey('119/KB/2021 A')).toBe('119/kb/2021 a');
  });

  it('has no key for an empty or invisible number', () => {
    expect(agreementNumberKey(null)).toBeNull();
    expect(agreementNumberKey('')).toBeNull();
    expect(agreementNumberKey(' \u200B ')).toBeNull();
    expect(isSameAgreementNumber(null, null)).toBe(false);
  });
});
