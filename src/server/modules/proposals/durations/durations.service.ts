import { COOPERATION_KINDS, type CooperationKind } from '../../../../shared/agreement-codes';
import type { KindDurationStat, ProposalDurations, ProposalDurationStats, ProposalDurationStatsQuery } from '../../../../shared/proposal-durations';
import type { ProcedureView } from '../../../../shared/procedures';
import { localDate, type ActorCtx } from '../../../lib/context';
import { forbidden } from '../../../lib/errors';
import { loadProcedure } from '../../procedures/procedures.service';
import { intervalDays, isOverdue, median, proposalDurations, stageIntervals, toDays, type TimelineFact } from './durations.rules';
import { canReadDurationStats, durationStatsScope } from './durations.policy';
import { selectProposalsInPeriod, selectTransitionsOf, type DurationProposalRow } from './durations.repository';
import { stageViews } from '../core/proposals.views';
import * as repo from '../core/proposals.repository';
import { visibleProposal } from '../core/proposals.service';

export async function getProposalDurations(ctx: ActorCtx, id: string): Promise<ProposalDurations> {
  const row = await visibleProposal(ctx, { id });
  const [procedure, events] = await Promise.all([loadProcedure(ctx.db, row.kind), repo.listEventsOf(ctx.db, row.id)]);
  return proposalDurations({ proposalId: row.id, state: row.state, submittedAt: row.submittedAt, closedAt: row.closedAt, stages: stageViews(row, procedure), events, now: ctx.now });
}

// Ternate's day boundaries (WIT, UTC+9) as instants.
function periodOf(query: ProposalDurationStatsQuery): { from: Date; to: Date } {
  return { from: new Date(`${query.from}T00:00:00+09:00`), to: new Date(`${query.to}T23:59:59.999+09:00`) };
}

const inPeriod = (instant: Date, query: ProposalDurationStatsQuery) => {
  const day = localDate(instant);
  return day >= query.from && day <= query.to;
};

function kindStat(procedure: ProcedureView, rows: DurationProposalRow[], eventsOf: Map<string, TimelineFact[]>, query: ProposalDurationStatsQuery): KindDurationStat {
  const daysByStage = new Map<string, number[]>();
  for (const row of rows) {
    for (const interval of stageIntervals(eventsOf.get(row.id) ?? [])) {
      if (!interval.end || !inPeriod(interval.end, query)) continue;
      const list = daysByStage.get(interval.stageCode) ?? [];
      list.push(intervalDays(interval, interval.end));
      daysByStage.set(interval.stageCode, list);
    }
  }
  const registered = rows.filter((row) => row.state === 'terdaftar' && row.closedAt && row.submittedAt && inPeriod(row.closedAt, query));
  return {
    kind: procedure.kind,
    stages: procedure.stages.map((stage) => {
      const days = daysByStage.get(stage.code) ?? [];
      return {
        stageCode: stage.code,
        stageName: stage.name,
        targetDays: stage.targetDays,
        medianDays: median(days),
        count: days.length,
        overdueCount: days.filter((value) => isOverdue(value, stage.targetDays)).length,
      };
    }),
    medianTotalDays: median(registered.map((row) => toDays((row.closedAt?.getTime() ?? 0) - (row.submittedAt?.getTime() ?? 0)))),
    registeredCount: registered.length,
  };
}

// Median days per stage and per kind, over the stages closed in the period.
export async function getProposalDurationStats(ctx: ActorCtx, query: ProposalDurationStatsQuery): Promise<ProposalDurationStats> {
  if (!canReadDurationStats(ctx.actor)) throw forbidden();
  const rows = await selectProposalsInPeriod(ctx.db, { scope: durationStatsScope(ctx.actor), period: periodOf(query) });
  const [events, procedures] = await Promise.all([
    selectTransitionsOf(ctx.db, rows.map((row) => row.id)),
    Promise.all(COOPERATION_KINDS.map((kind) => loadProcedure(ctx.db, kind))),
  ]);
  const eventsOf = new Map<string, TimelineFact[]>();
  for (const event of events) {
    const list = eventsOf.get(event.proposalId) ?? [];
    list.push(event);
    eventsOf.set(event.proposalId, list);
  }
  const rowsOf = (kind: CooperationKind) => rows.filter((row) => row.kind === kind);
  return { from: query.from, to: query.to, kinds: procedures.map((procedure) => kindStat(procedure, rowsOf(procedure.kind), eventsOf, query)) };
}
