import type { ProposalDurations, StageDuration } from '../../../../shared/proposal-durations';
import { CLOSED_PROPOSAL_STATES, type ProposalStageView, type ProposalState } from '../../../../shared/proposals';

// Pure reckoning of time spent per stage, from the proposal's timeline. A stage's clock runs from the
// moment the proposal is in the division's queue at that stage until it leaves the stage or closes;
// time spent sent back (dikembalikan) stays in the stage, because the stage is not done.

const DAY_MS = 86_400_000;

export type TimelineFact = { at: Date; fromStage: string | null; toStage: string | null; fromState: ProposalState | null; toState: ProposalState | null };
export type StageInterval = { stageCode: string; start: Date; end: Date | null };

const isQueued = (state: ProposalState | null) => state === 'aktif' || state === 'dikembalikan';

export function toDays(milliseconds: number): number {
  return Math.round((Math.max(0, milliseconds) / DAY_MS) * 10) / 10;
}

// Events that changed no stage or state (edits, uploads) carry no toState and are passed over.
export function stageIntervals(events: readonly TimelineFact[]): StageInterval[] {
  const intervals: StageInterval[] = [];
  let open: StageInterval | null = null;
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (event.toState === null) continue;
    const leaves = open !== null && (event.toStage !== open.stageCode || !isQueued(event.toState));
    if (open && leaves) {
      intervals.push({ ...open, end: event.at });
      open = null;
    }
    if (!open && isQueued(event.toState) && event.toStage) open = { stageCode: event.toStage, start: event.at, end: null };
  }
  if (open) intervals.push(open);
  return intervals;
}

export function intervalDays(interval: StageInterval, now: Date): number {
  return toDays((interval.end ?? now).getTime() - interval.start.getTime());
}

// A target of 0 days means the stage has no target, so it is never overdue.
export function isOverdue(days: number | null, targetDays: number | null): boolean {
  return days !== null && targetDays !== null && targetDays > 0 && days > targetDays;
}

export function stageDurations(options: { stages: readonly ProposalStageView[]; events: readonly TimelineFact[]; now: Date }): StageDuration[] {
  const intervals = stageIntervals(options.events);
  const running = intervals.find((interval) => interval.end === null);
  return options.stages.map((stage) => {
    const own = intervals.filter((interval) => interval.stageCode === stage.code);
    const days = own.length === 0 ? null : toDays(own.reduce((sum, interval) => sum + ((interval.end ?? options.now).getTime() - interval.start.getTime()), 0));
    return {
      stageCode: stage.code,
      stageName: stage.name,
      targetDays: stage.targetDays,
      status: stage.status,
      days,
      isCurrent: running?.stageCode === stage.code,
      isOverdue: isOverdue(days, stage.targetDays),
    };
  });
}

export function proposalDurations(options: {
  proposalId: string;
  state: ProposalState;
  submittedAt: Date | null;
  closedAt: Date | null;
  stages: readonly ProposalStageView[];
  events: readonly TimelineFact[];
  now: Date;
}): ProposalDurations {
  const stages = stageDurations(options);
  const end = CLOSED_PROPOSAL_STATES.includes(options.state) ? (options.closedAt ?? options.now) : options.now;
  return {
    proposalId: options.proposalId,
    stages,
    totalDays: options.submittedAt ? toDays(end.getTime() - options.submittedAt.getTime()) : null,
    isOverdue: stages.some((stage) => stage.isCurrent && stage.isOverdue),
  };
}

// Days in the current stage for the board: counted from submission when the proposal was prepared
// at the first stage as a draft, so drafting time is not charged to the division.
export function daysInCurrentStage(row: { stageEnteredAt: Date; submittedAt: Date | null }, now: Date): number {
  const since = row.submittedAt && row.submittedAt > row.stageEnteredAt ? row.submittedAt : row.stageEnteredAt;
  return toDays(now.getTime() - since.getTime());
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}
