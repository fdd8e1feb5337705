import { z } from 'zod';
import { COOPERATION_KINDS, type CooperationKind } from './agreement-codes';
import type { ProposalStageView, ProposalSummary } from './proposals';
import { isoDate } from './input';

// §8 of the procedure issue: how long each proposal spends in each stage, against the stage's target.
export const MAX_DURATION_RANGE_DAYS = 3660;

export type StageDuration = {
  stageCode: string;
  stageName: string;
  targetDays: number;
  status: ProposalStageView['status'];
  // Days in the stage so far (whole and part days, one decimal); null when the proposal never entered it.
  days: number | null;
  isCurrent: boolean;
  isOverdue: boolean;
};

export type ProposalDurations = {
  proposalId: string;
  stages: StageDuration[];
  // From submission to closing (or to now while it runs); null before submission.
  totalDays: number | null;
  isOverdue: boolean;
};

export type BoardCard = ProposalSummary & { daysInStage: number; targetDays: number | null; isOverdue: boolean };
export type BoardColumn = { stageCode: string; stageName: string; targetDays: number | null; cards: BoardCard[] };
export type ProposalBoard = { kind: CooperationKind | null; columns: BoardColumn[]; total: number };

export const ProposalBoardQuerySchema = z.object({
  kind: z.enum(COOPERATION_KINDS).optional(),
  unitId: z.uuid().optional(),
});
export type ProposalBoardQuery = z.output<typeof ProposalBoardQuerySchema>;


// A stage counts in the period when it was closed inside it (dates in Ternate time).
export const ProposalDurationStatsQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .superRefine((value, context) => {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
    if (days < 0) context.addIssue({ code: 'custom', path: ['from'], message: 'from tidak boleh sesudah to / from must not be after to' });
    else if (days > MAX_DURATION_RANGE_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'periode paling lama 10 tahun / the period is at most 10 years' });
  });
export type ProposalDurationStatsQuery = z.output<typeof ProposalDurationStatsQuerySchema>;

export type StageDurationStat = { stageCode: string; stageName: string; targetDays: number; medianDays: number | null; count: number; overdueCount: number };
export type KindDurationStat = {
  kind: CooperationKind;
  stages: StageDurationStat[];
  // Submission to registration, for proposals registered in the period.
  medianTotalDays: number | null;
  registeredCount: number;
};
export type ProposalDurationStats = { from: string; to: string; kinds: KindDurationStat[] };
