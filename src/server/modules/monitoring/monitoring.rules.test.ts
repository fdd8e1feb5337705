import { describe, expect, it } from 'vitest';
import { daysBetween, dormantOf, expiringOf, monthsBefore, type MonitoredAgreement } from './monitoring.rules';

let serial = 0;
function agreement(overrides: Partial<MonitoredAgreement> = {}): MonitoredAgreement {
  serial += 1;
  return {
    id: `a${serial}`,
    numberOurs: `MON/${serial}`,
    docType: 'KB',
    parentId: null,
    isDraft: false,
    signedOn: '2025-01-10',
    startsOn: '2025-01-10',
    endsOn: '2030-01-09',
    terminationKind: null,
    terminatedOn: null,
    planYears: [],
    verifiedReportDates: [],
    disseminated: false,
    ...overrides,
  };
}

describe('monitoring rules', () => {
  it('counts months back to the same day, or the last day of a shorter month', () => {
    expect(monthsBefore('2026-12-04', 6)).toBe('2026-06-04');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(daysBetween('2026-12-04', '2027-06-02')).toBe(180);
  });

  it('lists as expiring the ends from the day itself to the last day of the window, nothing past or ended', () => {
    const on = '2026-12-04';
    const today = agreement({ numberOurs: 'END/TODAY', endsOn: on });
    const lastDay = agreement({ numberOurs: 'END/LAST', endsOn: '2027-06-02' });
    const pastWindow = agreement({ numberOurs: 'END/AFTER', endsOn: '2027-06-03' });
    const ended = agreement({ numberOurs: 'END/PAST', endsOn: '2026-12-03' });
    const terminated = agreement({ numberOurs: 'END/TERM', endsOn: '2027-01-01', terminationKind: 'diakhiri', terminatedOn: on });
    const draft = agreement({ numberOurs: 'END/DRAFT', endsOn: '2027-01-01', isDraft: true });
    expect(expiringOf([pastWindow, lastDay, ended, terminated, draft, today], { on, warningDays: 180 })).toEqual([
      { nomorPemda: 'END/TODAY', endsOn: on, daysLeft: 0 },
      { nomorPemda: 'END/LAST', endsOn: '2027-06-02', daysLeft: 180 },
    ]);
  });

  it('calls dormant only what was signed more than the months before, without a recent plan or verified report', () => {
    const rule = { on: '2026-12-04', months: 6 };
    const exactlySix = agreement({ numberOurs: 'D/EXACT', signedOn: '2026-06-04' });
    const dayMore = agreement({ numberOurs: 'D/OLDER', signedOn: '2026-06-03', disseminated: true });
    const unsigned = agreement({ numberOurs: 'D/START', signedOn: null, startsOn: '2020-01-01' });
    const lastYearPlan = agreement({ numberOurs: 'D/PLAN-LAST', planYears: [2025] });
    const oldPlan = agreement({ numberOurs: 'D/PLAN-OLD', planYears: [2024] });
    const reported = agreement({ numberOurs: 'D/REPORT', verifiedReportDates: ['2026-06-04'] });
    const reportedEarlier = agreement({ numberOurs: 'D/REPORT-OLD', verifiedReportDates: ['2026-06-03'] });
    const adendum = agreement({ numberOurs: 'D/ADD', docType: 'ADENDUM' });
    expect(dormantOf([exactlySix, dayMore, unsigned, lastYearPlan, oldPlan, reported, reportedEarlier, adendum], rule)).toEqual([
      { nomorPemda: 'D/OLDER', reasons: ['no_plan', 'no_verified_report'] },
      { nomorPemda: 'D/PLAN-OLD', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
      { nomorPemda: 'D/REPORT-OLD', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
      { nomorPemda: 'D/START', reasons: ['no_plan', 'no_verified_report', 'not_disseminated'] },
    ]);
  });

  it('keeps a KB alive through a live PKS under it, but not through a dormant or ended one', () => {
    const rule = { on: '2026-12-04', months: 6 };
    const kb = agreement({ numberOurs: 'KB/LIVE' });
    const pks = agreement({ numberOurs: 'PKS/LIVE', docType: 'PKS', parentId: kb.id, planYears: [2026] });
    const kbSleeping = agreement({ numberOurs: 'KB/SLEEP' });
    const pksSleeping = agreement({ numberOurs: 'PKS/SLEEP', docType: 'PKS', parentId: kbSleeping.id });
    const kbEnded = agreement({ numberOurs: 'KB/ENDED-PKS' });
    const pksEnded = agreement({ numberOurs: 'PKS/ENDED', docType: 'PKS', parentId: kbEnded.id, planYears: [2026], endsOn: '2026-12-03' });
    const kbYoung = agreement({ numberOurs: 'KB/YOUNG-PKS' });
    const pksYoung = agreement({ numberOurs: 'PKS/YOUNG', docType: 'PKS', parentId: kbYoung.id, signedOn: '2026-11-01' });
    const dormant = dormantOf([kb, pks, kbSleeping, pksSleeping, kbEnded, pksEnded, kbYoung, pksYoung], rule).map((row) => row.nomorPemda);
    expect(dormant).toEqual(['KB/ENDED-PKS', 'KB/SLEEP', 'PKS/SLEEP']);
  });
});
