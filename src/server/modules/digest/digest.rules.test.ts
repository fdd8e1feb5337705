import { describe, expect, it } from 'vitest';
import { addMonths, decideDigest, dueMonth, isMonth, monthRange, monthsAfter } from './digest.rules';

describe('monthly digest rules', () => {
  it('counts months across the year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthsAfter('2026-08-31', 6)).toBe('2027-02-28');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-11')).toBe(true);
  });

  it('makes last month due from the digest day, the month before until then', () => {
    expect(dueMonth('2026-12-01', 1)).toBe('2026-11');
    expect(dueMonth('2026-12-09', 10)).toBe('2026-10');
    expect(dueMonth('2026-12-10', 10)).toBe('2026-11');
    expect(dueMonth('2027-01-28', 28)).toBe('2026-12');
  });

  it('only records a baseline at the first check of an install, whatever the day', () => {
    expect(decideDigest({ on: '2026-12-04', digestDay: 1, isEnabled: true, baseline: null, isDueMonthRecorded: false })).toEqual({ action: 'baseline', month: '2026-11' });
    expect(decideDigest({ on: '2026-12-04', digestDay: 1, isEnabled: false, baseline: null, isDueMonthRecorded: false })).toEqual({ action: 'baseline', month: '2026-11' });
  });

  it('never sends the baseline month or one before it, even when the digest day comes later', () => {
    expect(decideDigest({ on: '2026-12-10', digestDay: 10, isEnabled: true, baseline: '2026-11', isDueMonthRecorded: false })).toEqual({ action: 'none', reason: 'before_baseline' });
    expect(decideDigest({ on: '2027-01-10', digestDay: 10, isEnabled: true, baseline: '2026-11', isDueMonthRecorded: false })).toEqual({ action: 'send', month: '2026-12' });
  });

  it('sends a month once, and nothing while the digest is off', () => {
    expect(decideDigest({ on: '2027-01-10', digestDay: 10, isEnabled: true, baseline: '2026-11', isDueMonthRecorded: true })).toEqual({ action: 'none', reason: 'already_sent' });
    expect(decideDigest({ on: '2027-01-10', digestDay: 10, isEnabled: false, baseline: '2026-11', isDueMonthRecorded: false })).toEqual({ action: 'none', reason: 'disabled' });
  });
});
