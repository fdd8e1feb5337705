import { describe, expect, it } from 'vitest';
import { beneficiariesVsTarget, computeIndicators, disseminationAcknowledged, obligationsOnTime, planExists, reportsOnTime, shareScore, type ComputedFacts } from './evaluation-computed.rules';

const base: ComputedFacts = {
  today: '2027-01-20',
  period: '2026-S2',
  reportCloseDays: 30,
  agreement: { startsOn: '2025-01-01', endsOn: '2029-12-31', endedEarlyOn: null },
  occurrences: [],
  plans: [],
  reports: [],
  dissemination: { isPublished: true, recipients: 0, acknowledged: 0 },
};

describe('shareScore', () => {
  it('follows the share scale: 0 %, below 50 %, 50–74 %, 75–99 %, 100 % or more', () => {
    expect(shareScore(0, 4)).toBe(0);
    expect(shareScore(1, 4)).toBe(1);
    expect(shareScore(49, 100)).toBe(1);
    expect(shareScore(50, 100)).toBe(2);
    expect(shareScore(74, 100)).toBe(2);
    expect(shareScore(75, 100)).toBe(3);
    expect(shareScore(99, 100)).toBe(3);
    expect(shareScore(100, 100)).toBe(4);
    expect(shareScore(250, 200)).toBe(4);
  });

  it('has no score when there is nothing to measure', () => {
    expect(shareScore(0, 0)).toBeNull();
    expect(shareScore(3, 0)).toBeNull();
  });
});

describe('obligationsOnTime', () => {
  it('counts occurrences met on or before their due day among those due by the period end', () => {
    const occurrences = [
      { dueOn: '2026-03-31', state: 'met' as const, metOn: '2026-03-31' },
      { dueOn: '2026-06-30', state: 'met' as const, metOn: '2026-07-01' },
      { dueOn: '2026-09-30', state: 'open' as const, metOn: null },
      { dueOn: '2026-12-31', state: 'met' as const, metOn: null },
      { dueOn: '2026-10-01', state: 'waived' as const, metOn: null },
      { dueOn: '2027-01-05', state: 'met' as const, metOn: '2027-01-01' },
    ];
    expect(obligationsOnTime({ ...base, occurrences })).toEqual({ score: 2, figures: { count: 2, of: 4 } });
  });

  it('leaves out an open occurrence whose day has not passed, and has no data when nothing is due', () => {
    const facts = { ...base, today: '2026-08-01', occurrences: [{ dueOn: '2026-09-30', state: 'open' as const, metOn: null }] };
    expect(obligationsOnTime(facts)).toEqual({ score: null, figures: null });
    expect(obligationsOnTime({ ...facts, today: '2026-10-01' })).toEqual({ score: 0, figures: { count: 0, of: 1 } });
  });
});

describe('beneficiariesVsTarget', () => {
  const plans = [
    { id: 'p1', budgetYear: 2026, indicators: [{ unit: 'orang', target: 150 }, { unit: 'km', target: 12 }] },
    { id: 'p2', budgetYear: 2026, indicators: [{ unit: 'unit usaha', target: 50 }] },
    { id: 'p3', budgetYear: 2025, indicators: [{ unit: 'orang', target: 999 }] },
  ];
  const report = (planId: string, period: string, status: 'verified' | 'submitted', beneficiaries: number) => ({ planId, period, status, submittedOn: '2026-07-10', beneficiaries });

  it("counts verified reports of the period's year up to the period against the year's people targets", () => {
    const reports = [report('p1', '2026-S1', 'verified', 70), report('p2', '2026-S2', 'verified', 50), report('p1', '2026-S2', 'submitted', 500), report('p3', '2025-S2', 'verified', 999)];
    expect(beneficiariesVsTarget({ ...base, plans, reports })).toEqual({ score: 2, figures: { count: 120, of: 200 } });
    expect(beneficiariesVsTarget({ ...base, period: '2026-S1', plans, reports })).toEqual({ score: 1, figures: { count: 70, of: 200 } });
  });

  it('has no data when no plan of the year sets a beneficiary target', () => {
    expect(beneficiariesVsTarget({ ...base, plans: [{ id: 'p', budgetYear: 2026, indicators: [{ unit: 'dokumen', target: 3 }] }] })).toEqual({ score: null, figures: null });
  });
});

describe('planExists', () => {
  it('scores 4 for a plan of the budget year or the one before, else 0', () => {
    expect(planExists({ ...base, plans: [{ id: 'p', budgetYear: 2025, indicators: [] }] })).toEqual({ score: 4, figures: { count: 1, of: null } });
    expect(planExists({ ...base, plans: [{ id: 'p', budgetYear: 2024, indicators: [] }] })).toEqual({ score: 0, figures: { count: 0, of: null } });
  });
});

describe('reportsOnTime', () => {
  const plans = [
    { id: 'a', budgetYear: 2026, indicators: [] },
    { id: 'b', budgetYear: 2026, indicators: [] },
  ];
  const report = (planId: string, period: string, submittedOn: string, status: 'submitted' | 'verified' | 'returned' = 'verified') => ({ planId, period, status, submittedOn, beneficiaries: 0 });

  it('counts reports submitted by the close of their period, over the period and the one before', () => {
    // S1 closes 2026-07-30, S2 closes 2027-01-30 with 30 days of grace.
    const reports = [report('a', '2026-S1', '2026-07-30'), report('b', '2026-S1', '2026-07-31'), report('a', '2026-S2', '2027-01-10', 'returned')];
    expect(reportsOnTime({ ...base, today: '2027-02-01', plans, reports })).toEqual({ score: 1, figures: { count: 1, of: 4 } });
  });

  it('does not yet owe a report while its period is open for reporting', () => {
    const reports = [report('a', '2026-S1', '2026-07-01'), report('b', '2026-S1', '2026-07-02'), report('a', '2026-S2', '2027-01-10', 'submitted')];
    expect(reportsOnTime({ ...base, today: '2027-01-20', plans, reports })).toEqual({ score: 4, figures: { count: 3, of: 3 } });
  });

  it('owes nothing for a period the agreement was not in force', () => {
    const agreement = { startsOn: '2026-07-01', endsOn: null, endedEarlyOn: null };
    expect(reportsOnTime({ ...base, today: '2027-02-01', agreement, plans, reports: [report('a', '2026-S2', '2027-01-05')] })).toEqual({ score: 2, figures: { count: 1, of: 2 } });
    expect(reportsOnTime({ ...base, agreement: { ...agreement, endedEarlyOn: '2025-12-01', startsOn: '2025-01-01' }, plans })).toEqual({ score: null, figures: null });
  });
});

describe('disseminationAcknowledged', () => {
  it('scores the share of OPDs told that acknowledged, and 0 when nothing was published', () => {
    expect(disseminationAcknowledged({ dissemination: { isPublished: true, recipients: 4, acknowledged: 3 } })).toEqual({ score: 3, figures: { count: 3, of: 4 } });
    expect(disseminationAcknowledged({ dissemination: { isPublished: false, recipients: 0, acknowledged: 0 } })).toEqual({ score: 0, figures: { count: 0, of: null } });
    expect(disseminationAcknowledged({ dissemination: { isPublished: true, recipients: 0, acknowledged: 0 } })).toEqual({ score: null, figures: null });
  });
});

describe('computeIndicators', () => {
  it('computes only the indicators with a source, in the form order', () => {
    const values = computeIndicators(
      [
        { code: 'x', computedFrom: null },
        { code: 'rencana', computedFrom: 'plan_exists' },
      ],
      base,
    );
    expect(values).toEqual([{ code: 'rencana', source: 'plan_exists', score: 0, figures: { count: 0, of: null } }]);
  });
});
