import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDays, formatNumber, formatRupiah, rupiahDigits, todayInTernate } from './format';

describe('formatDate', () => {
  it('writes a legal date the Indonesian way', () => {
    expect(formatDate('2026-11-27')).toBe('27 November 2026');
    expect(formatDate('2026-02-01')).toBe('1 Februari 2026');
  });

  it('writes English month names when the interface is in English', () => {
    expect(formatDate('2026-08-17', 'en')).toBe('17 August 2026');
  });

  it('shows a dash for a missing date and never shifts a date by time zone', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in Ternate time (WIT)', () => {
    expect(formatDateTime('2026-11-26T16:30:00Z')).toMatch(/^27 November 2026.*01[.:]30 WIT$/);
  });
});

describe('formatRupiah', () => {
  it('groups thousands with dots after "Rp"', () => {
    expect(formatRupiah('1500000')).toBe('Rp 1.500.000');
    expect(formatRupiah('999')).toBe('Rp 999');
  });

  it('keeps amounts beyond a float exactly', () => {
    expect(formatRupiah('123456789012345678')).toBe('Rp 123.456.789.012.345.678');
  });

  it('shows a dash when there is no value', () => {
    expect(formatRupiah(null)).toBe('—');
  });
});

describe('formatBytes and todayInTernate', () => {
  it('writes sizes with a decimal comma', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536 * 1024)).toBe('1,5 MB');
  });

  it('takes the date in Ternate, which is already tomorrow late in the UTC evening', () => {
    expect(todayInTernate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('formatNumber, formatDays and rupiahDigits', () => {
  it('groups thousands the way the interface language does', () => {
    expect(formatNumber(20000)).toBe('20.000');
    expect(formatNumber(20000, 'en')).toBe('20,000');
  });

  it('writes a median of days to one decimal, and a dash when there is none', () => {
    expect(formatDays(2.25)).toBe('2,3');
    expect(formatDays(2.25, 'en')).toBe('2.3');
    expect(formatDays(null)).toBe('—');
  });

  it('takes the digits of an amount typed with dots or spaces', () => {
    expect(rupiahDigits('1.500.000')).toBe('1500000');
    expect(rupiahDigits('1 500 000')).toBe('1500000');
  });
});
