import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { DurationStatsScope } from './durations.policy';
import { proposalEvents, proposals } from '../core/proposals.table';

export type DurationProposalRow = Pick<typeof proposals.$inferSelect, 'id' | 'kind' | 'state' | 'submittedAt' | 'closedAt'>;
export type DurationEventRow = Pick<typeof proposalEvents.$inferSelect, 'proposalId' | 'at' | 'fromStage' | 'toStage' | 'fromState' | 'toState'>;

// Proposals that were in the queue at some moment of [from, to]: submitted before its end and not
// closed before its start. Their stage closings inside the period are what the statistics count.
export async function selectProposalsInPeriod(db: Db, { scope, period }: { scope: DurationStatsScope; period: { from: Date; to: Date } }): Promise<DurationProposalRow[]> {
  const filters: SQL[] = [isNotNull(proposals.submittedAt), lte(proposals.submittedAt, period.to), or(isNull(proposals.closedAt), gte(proposals.closedAt, period.from)) as SQL];
  if (scope.kind === 'unit') filters.push(and(eq(proposals.initiatorType, 'opd'), eq(proposals.unitId, scope.unitId)) as SQL);
  return db
    .select({ id: proposals.id, kind: proposals.kind, state: proposals.state, submittedAt: proposals.submittedAt, closedAt: proposals.closedAt })
    .from(proposals)
    .where(and(...filters));
}

export async function selectTransitionsOf(db: Db, proposalIds: string[]): Promise<DurationEventRow[]> {
  if (proposalIds.length === 0) return [];
  return db
    .select({ proposalId: proposalEvents.proposalId, at: proposalEvents.at, fromStage: proposalEvents.fromStage, toStage: proposalEvents.toStage, fromState: proposalEvents.fromState, toState: proposalEvents.toState })
    .from(proposalEvents)
    .where(and(inArray(proposalEvents.proposalId, proposalIds), isNotNull(proposalEvents.toState)))
    .orderBy(asc(proposalEvents.at), asc(proposalEvents.id));
}
