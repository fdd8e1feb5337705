import { describe, expect, it } from 'vitest';
import { healthOf, healthOfAll, type HealthFacts, type HealthRule } from './agreement-health.rules';

const rule: HealthRule = { on: '2026-12-04', warningDays: 180, dormantAfterMonths: 6 };

// A PKS in good health on 4 December 2026: disseminated and acknowledged, a plan this year, reported.
function facts(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    id: 'a1',
    numberOurs: 'PKS/1',
    docType: 'PKS',
    parentId: null,
    isDraft: false,
    signedOn: '2025-01-10',
    startsOn: '2025-01-10',
    endsOn: '2030-01-09',
    terminationKind: null,
    terminatedOn: null,
    planYears: [2026],
    verifiedReportDates: [],
    disseminated: true,
    acknowledged: true,
    reportMissing: false,
    lateObligations: 0,
    lastBand: null,
    ...overrides,
  };
}

describe('agreement health rules', () => {
  it('calls an agreement with every fact in place healthy, with no reasons', () => {
    expect(healthOf(facts(), rule)).toEqual({ status: 'sehat', reasons: [], lastBand: null, on: '2026-12-04' });
  });

  it('gives no health to an agreement not in force: a draft, one past its end, one ended early', () => {
    expect(healthOf(facts({ isDraft: true }), rule)).toBeNull();
    expect(healthOf(facts({ endsOn: '2026-12-03' }), rule)).toBeNull();
    expect(healthOf(facts({ terminationKind: 'diakhiri', terminatedOn: '2026-12-04' }), rule)).toBeNull();
  });

  it('needs attention for each missing fact, naming it', () => {
    expect(healthOf(facts({ disseminated: false, acknowledged: false }), rule)?.reasons).toEqual(['not_disseminated']);
    expect(healthOf(facts({ acknowledged: false }), rule)?.reasons).toEqual(['not_acknowledged']);
    expect(healthOf(facts({ reportMissing: true }), rule)?.reasons).toEqual(['no_report']);
    expect(healthOf(facts({ lateObligations: 2 }), rule)?.reasons).toEqual(['late_obligations']);
    expect(healthOf(facts({ lastBand: 'kurang' }), rule)).toMatchObject({ status: 'perlu_perhatian', reasons: ['weak_evaluation'], lastBand: 'kurang' });
    expect(healthOf(facts({ lastBand: 'efektif' }), rule)).toMatchObject({ status: 'sehat', lastBand: 'efektif' });
  });

  it('counts a plan of this or last budget year, not the year before', () => {
    expect(healthOf(facts({ planYears: [2025] }), rule)?.reasons).toEqual([]);
    expect(healthOf(facts({ planYears: [2024], signedOn: '2026-07-01', startsOn: '2026-07-01' }), rule)?.reasons).toEqual(['no_plan']);
  });

  it('marks dormant from the day the agreement is more than the dormancy months old', () => {
    const young = facts({ planYears: [], signedOn: '2026-06-04', startsOn: '2026-06-04' });
    const old = facts({ planYears: [], signedOn: '2026-06-03', startsOn: '2026-06-03' });
    expect(healthOf(young, rule)).toMatchObject({ status: 'perlu_perhatian', reasons: ['no_plan'] });
    expect(healthOf(old, rule)).toMatchObject({ status: 'dorman', reasons: ['dormant', 'no_plan'] });
  });

  it('keeps a verified report within the dormancy months from making it dormant', () => {
    const alive = facts({ planYears: [], signedOn: '2024-01-01', startsOn: '2024-01-01', verifiedReportDates: ['2026-06-04'] });
    const lapsed = facts({ planYears: [], signedOn: '2024-01-01', startsOn: '2024-01-01', verifiedReportDates: ['2026-06-03'] });
    expect(healthOf(alive, rule)?.status).toBe('perlu_perhatian');
    expect(healthOf(lapsed, rule)?.status).toBe('dorman');
  });

  it('lets a KB live through a live PKS under it', () => {
    const kb = facts({ docType: 'KB', planYears: [], signedOn: '2024-01-01', startsOn: '2024-01-01', livesThroughPks: true });
    expect(healthOf(kb, rule)).toMatchObject({ status: 'sehat', reasons: [] });
  });

  it('warns of the end from the warning window’s last day to the end day itself', () => {
    expect(healthOf(facts({ endsOn: '2027-06-02' }), rule)?.reasons).toEqual(['ending_soon']);
    expect(healthOf(facts({ endsOn: '2027-06-03' }), rule)?.reasons).toEqual([]);
    expect(healthOf(facts({ endsOn: '2026-12-04' }), rule)?.reasons).toEqual(['ending_soon']);
  });

  it('judges a register at once: a KB lives through its live PKS, not through a dormant one', () => {
    const asleep = { planYears: [], signedOn: '2024-01-01', startsOn: '2024-01-01' };
    const kb = facts({ id: 'kb', docType: 'KB', ...asleep });
    const livePks = facts({ id: 'pks', parentId: 'kb' });
    const kb2 = facts({ id: 'kb2', docType: 'KB', ...asleep });
    const sleepingPks = facts({ id: 'pks2', parentId: 'kb2', ...asleep });
    const ended = facts({ id: 'ended', endsOn: '2026-01-01' });
    const health = healthOfAll([kb, livePks, kb2, sleepingPks, ended], rule);
    expect(health.get('kb')?.status).toBe('sehat');
    expect(health.get('kb2')?.status).toBe('dorman');
    expect(health.get('pks2')?.status).toBe('dorman');
    expect(health.has('ended')).toBe(false);
  });
});
