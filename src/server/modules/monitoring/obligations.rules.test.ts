import { describe, expect, it } from 'vitest';
import { addMonths, MAX_OCCURRENCES, occurrenceDates, occurrenceState, stateOfOccurrences } from './obligations.rules';

const recurring = (dueOn: string, everyMonths: number) => ({ kind: 'recurring' as const, dueOn, everyMonths });

describe('addMonths', () => {
  it('keeps the day of the month and clamps it to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-06-30', 6)).toBe('2026-12-30');
  });
});

describe('occurrenceDates', () => {
  it('gives a once obligation its one date, even past the agreement’s end', () => {
    expect(occurrenceDates({ kind: 'once', dueOn: '2030-01-01', everyMonths: null }, { endsOn: '2029-12-31', until: '2027-01-01' })).toEqual(['2030-01-01']);
  });

  it('gives a trigger obligation one occurrence without a date', () => {
    expect(occurrenceDates({ kind: 'trigger', dueOn: null, everyMonths: null }, { endsOn: null, until: '2027-01-01' })).toEqual([null]);
  });

  it('repeats a recurring obligation every few months up to and including the agreement’s last day', () => {
    expect(occurrenceDates(recurring('2026-06-30', 6), { endsOn: '2027-12-30', until: '2026-01-01' })).toEqual(['2026-06-30', '2026-12-30', '2027-06-30', '2027-12-30']);
    expect(occurrenceDates(recurring('2026-06-30', 6), { endsOn: '2027-12-29', until: '2026-01-01' })).toEqual(['2026-06-30', '2026-12-30', '2027-06-30']);
  });

  it('counts from the first date, so 31 January comes back to the 31st after February', () => {
    expect(occurrenceDates(recurring('2026-01-31', 1), { endsOn: '2026-05-31', until: '2026-01-01' })).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('keeps the first date of a recurring obligation that starts after the end, and nothing more', () => {
    expect(occurrenceDates(recurring('2030-01-31', 3), { endsOn: '2029-12-31', until: '2026-01-01' })).toEqual(['2030-01-31']);
  });

  it('runs to `until` when the agreement has no end, and stops at the cap', () => {
    expect(occurrenceDates(recurring('2026-01-15', 4), { endsOn: null, until: '2026-12-31' })).toEqual(['2026-01-15', '2026-05-15', '2026-09-15']);
    expect(occurrenceDates(recurring('2000-01-01', 1), { endsOn: '2099-12-31', until: '2026-01-01' })).toHaveLength(MAX_OCCURRENCES);
  });
});

describe('occurrenceState', () => {
  const today = '2026-12-04';
  it('is late once the date has passed without a record, open on the day itself', () => {
    expect(occurrenceState({ dueOn: '2026-12-03', record: null, obligationStatus: 'open' }, today)).toBe('late');
    expect(occurrenceState({ dueOn: '2026-12-04', record: null, obligationStatus: 'open' }, today)).toBe('open');
    expect(occurrenceState({ dueOn: null, record: null, obligationStatus: 'open' }, today)).toBe('open');
  });

  it('follows the record, and the obligation waived or met as a whole', () => {
    expect(occurrenceState({ dueOn: '2026-01-01', record: { status: 'met' }, obligationStatus: 'open' }, today)).toBe('met');
    expect(occurrenceState({ dueOn: '2026-01-01', record: { status: 'waived' }, obligationStatus: 'open' }, today)).toBe('waived');
    expect(occurrenceState({ dueOn: '2026-01-01', record: null, obligationStatus: 'met' }, today)).toBe('met');
    expect(occurrenceState({ dueOn: '2026-01-01', record: { status: 'met' }, obligationStatus: 'waived' }, today)).toBe('waived');
  });
});

describe('stateOfOccurrences', () => {
  it('is late when any occurrence is late, met when every one is settled, open otherwise', () => {
    expect(stateOfOccurrences('open', ['met', 'late', 'open'])).toBe('late');
    expect(stateOfOccurrences('open', ['met', 'waived'])).toBe('met');
    expect(stateOfOccurrences('open', ['met', 'open'])).toBe('open');
    expect(stateOfOccurrences('waived', ['late'])).toBe('waived');
  });
});
