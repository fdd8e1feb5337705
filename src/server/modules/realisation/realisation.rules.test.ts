import { describe, expect, it } from 'vitest';
import { recentPeriods } from '../../../shared/realisation';
import { AppError } from '../../lib/errors';
import { checkPeriodCode, checkPeriodOpen, checkRealisation, checkStep, isEditable, isPeriodOpen, nextStatus, periodOf, periodWindow } from './realisation.rules';

function fieldOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return undefined;
}

const empty = { beneficiaries: [], funds: [], startedOn: null, endedOn: null };

describe('realisation rules', () => {
  it('puts January–June in S1 and July–December in S2', () => {
    expect(periodOf('2026-01-01')).toBe('2026-S1');
    expect(periodOf('2026-06-30')).toBe('2026-S1');
    expect(periodOf('2026-07-01')).toBe('2026-S2');
    expect(periodOf('2026-12-31')).toBe('2026-S2');
    expect(recentPeriods('2026-12-04', 3)).toEqual(['2026-S2', '2026-S1', '2025-S2']);
  });

  it('opens a period on its first day and closes it the set number of days after its last day', () => {
    expect(periodWindow('2026-S1', 30)).toEqual({ firstDay: '2026-01-01', lastDay: '2026-06-30', opensOn: '2026-01-01', closesOn: '2026-07-30' });
    expect(periodWindow('2026-S2', 30)).toEqual({ firstDay: '2026-07-01', lastDay: '2026-12-31', opensOn: '2026-07-01', closesOn: '2027-01-30' });
    expect(periodWindow('2026-S2', 0).closesOn).toBe('2026-12-31');
  });

  it('allows a report only while the window is open, naming the period otherwise', () => {
    expect(isPeriodOpen('2026-S2', { today: '2026-07-01', closeDays: 30 })).toBe(true);
    expect(isPeriodOpen('2026-S2', { today: '2027-01-30', closeDays: 30 })).toBe(true);
    expect(isPeriodOpen('2026-S2', { today: '2027-01-31', closeDays: 30 })).toBe(false);
    expect(isPeriodOpen('2026-S2', { today: '2026-06-30', closeDays: 30 })).toBe(false);
    expect(fieldOf(() => checkPeriodOpen('2026-S1', { today: '2026-12-04', closeDays: 30 }))).toBe('period');
    expect(fieldOf(() => checkPeriodOpen('2027-S1', { today: '2026-12-04', closeDays: 30 }))).toBe('period');
    expect(fieldOf(() => checkPeriodOpen('2026-S2', { today: '2026-12-04', closeDays: 30 }))).toBeUndefined();
    expect(fieldOf(() => checkPeriodCode('2026-S3'))).toBe('period');
  });

  it('moves draft → submitted → verified or returned, and returned → submitted, nothing else', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'verify')).toBe('verified');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('draft', 'verify')).toBeNull();
    expect(nextStatus('draft', 'return')).toBeNull();
    expect(nextStatus('submitted', 'submit')).toBeNull();
    expect(nextStatus('verified', 'return')).toBeNull();
    expect(nextStatus('verified', 'submit')).toBeNull();
    expect(nextStatus('returned', 'verify')).toBeNull();
    expect(fieldOf(() => checkStep('verified', 'submit'))).toBe('status');
  });

  it('locks a submitted or verified report', () => {
    expect([isEditable('draft'), isEditable('returned'), isEditable('submitted'), isEditable('verified')]).toEqual([true, true, false, false]);
  });

  it('refuses negative counts and sums, a fund source twice and an end before the start, naming the field', () => {
    expect(fieldOf(() => checkRealisation({ ...empty, beneficiaries: [{ group: 'umkm', count: 12, place: 'Ternate Tengah' }], funds: [{ source: 'APBD', realised: '0' }] }))).toBeUndefined();
    expect(fieldOf(() => checkRealisation({ ...empty, beneficiaries: [{ group: 'umkm', count: 1 }, { group: 'asn', count: -1 }] }))).toBe('beneficiaries.1.count');
    expect(fieldOf(() => checkRealisation({ ...empty, funds: [{ source: 'mitra', realised: '-5' }] }))).toBe('funds.0.realised');
    expect(fieldOf(() => checkRealisation({ ...empty, funds: [{ source: 'APBD', realised: '5' }, { source: 'APBD', realised: '6' }] }))).toBe('funds.1.source');
    expect(fieldOf(() => checkRealisation({ ...empty, startedOn: '2026-08-02', endedOn: '2026-08-01' }))).toBe('endedOn');
  });
});
