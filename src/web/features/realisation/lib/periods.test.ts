import { describe, expect, it } from 'vitest';
import { defaultPeriod, isPeriodCode, planReportPath, reportingPeriods } from './periods';

describe('reporting periods offered by the screens', () => {
  it('marks last semester open until its grace days have passed', () => {
    expect(reportingPeriods('2027-01-20', 30)).toEqual([
      { period: '2027-S1', isOpen: true },
      { period: '2026-S2', isOpen: true },
      { period: '2026-S1', isOpen: false },
      { period: '2025-S2', isOpen: false },
    ]);
    expect(reportingPeriods('2027-01-31', 30)[1]).toEqual({ period: '2026-S2', isOpen: false });
  });

  it('defaults to the oldest open period, the one due first', () => {
    expect(defaultPeriod('2027-01-20', 30)).toBe('2026-S2');
    expect(defaultPeriod('2026-12-05', 30)).toBe('2026-S2');
    expect(defaultPeriod('2026-07-30', 30)).toBe('2026-S1');
    expect(defaultPeriod('2026-07-31', 30)).toBe('2026-S2');
  });

  it('accepts only a period code from the address', () => {
    expect(isPeriodCode('2026-S2')).toBe(true);
    expect(isPeriodCode('2026-S3')).toBe(false);
    expect(isPeriodCode(null)).toBe(false);
  });

  it('sends ?plan=&period= to that plan\'s report, and ignores a malformed one', () => {
    const plan = '0b6f5c1e-8f7a-4d2b-9c3e-2a1d4e5f6a7b';
    expect(planReportPath(new URLSearchParams({ plan, period: '2026-S2' }))).toBe(`/realisation/plans/${plan}/2026-S2`);
    expect(planReportPath(new URLSearchParams({ period: '2026-S2' }))).toBeNull();
    expect(planReportPath(new URLSearchParams({ plan, period: '2026-S3' }))).toBeNull();
    expect(planReportPath(new URLSearchParams({ plan: '../queue', period: '2026-S2' }))).toBeNull();
  });
});
