import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { alertStageOf, alertsPimpinan, checkRenewal, extensionLetterDueOn, extensionLetterWindow } from './renewal.rules';

const schedule = DEFAULT_SETTINGS.expiryAlertDays;

describe('expiry alert stages', () => {
  it('reaches a stage on its day and keeps it until the next one', () => {
    expect(alertStageOf(181, schedule)).toBeNull();
    expect(alertStageOf(180, schedule)).toBe(180);
    expect(alertStageOf(91, schedule)).toBe(180);
    expect(alertStageOf(90, schedule)).toBe(90);
    expect(alertStageOf(30, schedule)).toBe(30);
    expect(alertStageOf(8, schedule)).toBe(30);
    expect(alertStageOf(7, schedule)).toBe(7);
    expect(alertStageOf(1, schedule)).toBe(7);
    expect(alertStageOf(0, schedule)).toBe(0);
    expect(alertStageOf(-1, schedule)).toBeNull();
  });

  it('sends only the current stage after missed ones', () => {
    // Off from 200 to 50 days before the end: one alert, at the 60-day stage.
    expect(alertStageOf(50, schedule)).toBe(60);
  });

  it('tells the pimpinan from 30 days on', () => {
    expect([180, 90, 60, 30, 7, 0].map(alertsPimpinan)).toEqual([false, false, false, true, true, true]);
  });
});

describe('the extension letter of foreign cooperation (Permendagri 25/2020 Ps 33(2))', () => {
  it('is due six months before the end, for KSDPL and KSDLL only', () => {
    expect(extensionLetterDueOn({ kind: 'KSDPL', endsOn: '2027-08-31' })).toBe('2027-02-28');
    expect(extensionLetterDueOn({ kind: 'KSDLL', endsOn: '2027-06-30' })).toBe('2026-12-30');
    expect(extensionLetterDueOn({ kind: 'KSDD', endsOn: '2027-06-30' })).toBeNull();
    expect(extensionLetterDueOn({ kind: 'KSDPL', endsOn: null })).toBeNull();
  });
});

describe('the renewal rule', () => {
  const both = { opdAnsweredOn: '2026-10-01', partnerAnsweredOn: '2026-11-01', since: '2025-12-04' };
  const opdOnly = { ...both, partnerAnsweredOn: null };

  it('lets an extension through with both evaluations', () => {
    expect(() => checkRenewal({ decision: 'extend' }, both)).not.toThrow();
  });

  it('refuses an extension without the partner’s evaluation, naming the override field', () => {
    expect(() => checkRenewal({ decision: 'extend' }, opdOnly)).toThrow(expect.objectContaining({ field: 'overrideReason', messageEn: expect.stringContaining('missing: mitra / partner') }));
  });

  it('takes a written override instead', () => {
    expect(() => checkRenewal({ decision: 'extend', overrideReason: 'Mitra belum dapat dihubungi; DPRD meminta perpanjangan.' }, opdOnly)).not.toThrow();
  });

  it('asks nothing of ending early or letting it lapse', () => {
    expect(() => checkRenewal({ decision: 'lapse' }, { ...opdOnly, opdAnsweredOn: null })).not.toThrow();
    expect(() => checkRenewal({ decision: 'end_early' }, opdOnly)).not.toThrow();
  });
});

describe('extension letter window (Permendagri 25/2020 Ps 33(2))', () => {
  const foreign = { kind: 'KSDLL' as const, status: 'aktif' as const, endsOn: '2027-06-30' };

  it('is refused for a cooperation that is not foreign, or not in force', () => {
    expect(extensionLetterWindow({ ...foreign, kind: 'KSDPK' }, '2027-01-01').state).toBe('not_foreign');
    expect(extensionLetterWindow({ ...foreign, kind: 'SINERGI' }, '2027-01-01').state).toBe('not_foreign');
    expect(extensionLetterWindow({ ...foreign, status: 'berakhir' }, '2027-07-01').state).toBe('not_in_force');
    expect(extensionLetterWindow({ ...foreign, status: 'diakhiri' }, '2027-01-01').state).toBe('not_in_force');
    expect(extensionLetterWindow({ ...foreign, status: 'draft' }, '2027-01-01').state).toBe('not_in_force');
  });

  it('opens 12 months before the end, is on time until 6 months before it, and late after that', () => {
    expect(extensionLetterWindow(foreign, '2026-06-29')).toEqual({ state: 'too_early', opensOn: '2026-06-30', dueOn: '2026-12-30' });
    expect(extensionLetterWindow(foreign, '2026-06-30').state).toBe('open');
    expect(extensionLetterWindow({ ...foreign, kind: 'KSDPL' }, '2026-12-30').state).toBe('open');
    expect(extensionLetterWindow({ ...foreign, status: 'akan_berakhir' }, '2026-12-31').state).toBe('late');
    expect(extensionLetterWindow({ ...foreign, status: 'akan_berakhir' }, '2027-06-30').state).toBe('late');
  });
});
