import { describe, expect, it } from 'vitest';
import { reminderStagesOn } from './report-reminders.rules';

// With the default 30 days of grace, 2026-S2's window closes on 2027-01-30 and 2026-S1's on 2026-07-30.
describe('report reminder stages', () => {
  it('reminds 14 days before the close, then 3, and nothing between', () => {
    expect(reminderStagesOn('2027-01-15', 30).filter((due) => due.period === '2026-S2')).toEqual([]);
    expect(reminderStagesOn('2027-01-16', 30).filter((due) => due.period === '2026-S2')).toEqual([{ period: '2026-S2', stage: 'before_14', closesOn: '2027-01-30', daysLeft: 14 }]);
    expect(reminderStagesOn('2027-01-26', 30).find((due) => due.period === '2026-S2')?.stage).toBe('before_14');
    expect(reminderStagesOn('2027-01-27', 30).find((due) => due.period === '2026-S2')?.stage).toBe('before_3');
    expect(reminderStagesOn('2027-01-30', 30).find((due) => due.period === '2026-S2')).toMatchObject({ stage: 'before_3', daysLeft: 0 });
  });

  it('escalates the last closed period from the day after its close', () => {
    expect(reminderStagesOn('2027-01-30', 30).find((due) => due.stage === 'overdue')?.period).toBe('2026-S1');
    expect(reminderStagesOn('2027-01-31', 30).find((due) => due.stage === 'overdue')).toEqual({ period: '2026-S2', stage: 'overdue', closesOn: '2027-01-30', daysLeft: -1 });
  });

  it('with no grace the window closes on the semester\'s last day', () => {
    expect(reminderStagesOn('2026-12-17', 0)).toContainEqual({ period: '2026-S2', stage: 'before_14', closesOn: '2026-12-31', daysLeft: 14 });
    expect(reminderStagesOn('2027-01-01', 0)).toContainEqual({ period: '2026-S2', stage: 'overdue', closesOn: '2026-12-31', daysLeft: -1 });
  });
});
