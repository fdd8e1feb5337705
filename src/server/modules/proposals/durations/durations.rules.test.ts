import { describe, expect, it } from 'vitest';
import type { ProposalStageView } from '../../../../shared/proposals';
import { daysInCurrentStage, isOverdue, median, proposalDurations, stageIntervals, type TimelineFact } from './durations.rules';

const day = (n: number, hour = 0) => new Date(Date.UTC(2026, 0, 1 + n, hour));
const event = (at: Date, from: [string | null, TimelineFact['fromState']], to: [string | null, TimelineFact['toState']]): TimelineFact => ({
  at,
  fromStage: from[0],
  fromState: from[1],
  toStage: to[0],
  toState: to[1],
});
const stage = (code: string, targetDays: number, status: ProposalStageView['status'] = 'menunggu'): ProposalStageView => ({
  code,
  name: code.toUpperCase(),
  position: 0,
  targetDays,
  isDprdApproval: false,
  status,
  requiredDocTypes: [],
});

// create (draft) → submit on day 2 → validate on day 7 → sent back day 9 → resumed day 12 → advance day 20.
const walk: TimelineFact[] = [
  event(day(0), [null, null], ['a', 'draf']),
  { at: day(1), fromStage: null, toStage: null, fromState: null, toState: null },
  event(day(2), ['a', 'draf'], ['a', 'aktif']),
  event(day(7), ['a', 'aktif'], ['b', 'aktif']),
  event(day(9), ['b', 'aktif'], ['b', 'dikembalikan']),
  event(day(12), ['b', 'dikembalikan'], ['b', 'aktif']),
  event(day(20), ['b', 'aktif'], ['c', 'aktif']),
];

describe('stage durations', () => {
  it('starts the first stage at submission, not while the proposal was a draft', () => {
    const intervals = stageIntervals(walk);
    expect(intervals[0]).toEqual({ stageCode: 'a', start: day(2), end: day(7) });
  });

  it('keeps the time a proposal was sent back inside its stage', () => {
    expect(stageIntervals(walk)).toEqual([
      { stageCode: 'a', start: day(2), end: day(7) },
      { stageCode: 'b', start: day(7), end: day(20) },
      { stageCode: 'c', start: day(20), end: null },
    ]);
  });

  it('closes the running stage when the proposal is registered, rejected or withdrawn', () => {
    const closed = [...walk, event(day(21, 12), ['c', 'aktif'], ['c', 'ditolak'])];
    expect(stageIntervals(closed).at(-1)).toEqual({ stageCode: 'c', start: day(20), end: day(21, 12) });
  });

  it('orders events by time whatever order they come in', () => {
    expect(stageIntervals([...walk].reverse())).toEqual(stageIntervals(walk));
  });

  it('counts days per stage against the target, marks the overdue one and the current one', () => {
    const stages = [stage('a', 5, 'selesai'), stage('b', 10, 'selesai'), stage('c', 3, 'berjalan'), stage('d', 7)];
    const result = proposalDurations({ proposalId: 'p', state: 'aktif', submittedAt: day(2), closedAt: null, stages, events: walk, now: day(24, 12) });
    expect(result.stages.map(({ stageCode, days, isOverdue: overdue, isCurrent }) => ({ stageCode, days, overdue, isCurrent }))).toEqual([
      { stageCode: 'a', days: 5, overdue: false, isCurrent: false },
      { stageCode: 'b', days: 13, overdue: true, isCurrent: false },
      { stageCode: 'c', days: 4.5, overdue: true, isCurrent: true },
      { stageCode: 'd', days: null, overdue: false, isCurrent: false },
    ]);
    expect(result.totalDays).toBe(22.5);
    expect(result.isOverdue).toBe(true);
  });

  it('stops the total at closing and has none before submission', () => {
    const stages = [stage('a', 5)];
    const closed = proposalDurations({ proposalId: 'p', state: 'terdaftar', submittedAt: day(2), closedAt: day(30), stages, events: walk, now: day(90) });
    expect(closed.totalDays).toBe(28);
    const draft = proposalDurations({ proposalId: 'p', state: 'draf', submittedAt: null, closedAt: null, stages, events: walk.slice(0, 1), now: day(90) });
    expect(draft.totalDays).toBeNull();
    expect(draft.stages[0]?.days).toBeNull();
  });

  it('never calls a stage without a target overdue', () => {
    expect(isOverdue(400, 0)).toBe(false);
    expect(isOverdue(5, 5)).toBe(false);
    expect(isOverdue(5.1, 5)).toBe(true);
    expect(isOverdue(null, 5)).toBe(false);
    expect(isOverdue(9, null)).toBe(false);
  });

  it('counts days in the current stage from submission when the proposal was drafted there', () => {
    expect(daysInCurrentStage({ stageEnteredAt: day(0), submittedAt: day(2) }, day(5))).toBe(3);
    expect(daysInCurrentStage({ stageEnteredAt: day(7), submittedAt: day(2) }, day(8, 6))).toBe(1.3);
  });

  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});
