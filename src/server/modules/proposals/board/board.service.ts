import { COOPERATION_KINDS } from '../../../../shared/agreement-codes';
import type { BoardColumn, ProposalBoard, ProposalBoardQuery } from '../../../../shared/proposal-durations';
import type { ProcedureView } from '../../../../shared/procedures';
import type { ActorCtx } from '../../../lib/context';
import { loadProcedure } from '../../procedures/procedures.service';
import { daysInCurrentStage, isOverdue } from '../durations/durations.rules';
import { selectBoardProposals } from './board.repository';
import { toSummary } from '../core/proposals.views';
import { proposalListScopeWithReviews } from '../core/proposals.policy';

// Columns in procedure order. With all kinds together a stage code shared by several kinds is one
// column; a stage only one kind has sits where that kind's procedure puts it.
export function boardColumns(procedures: readonly ProcedureView[]): BoardColumn[] {
  const columns: BoardColumn[] = [];
  for (const procedure of procedures) {
    let insertAt = 0;
    for (const stage of procedure.stages) {
      const found = columns.findIndex((column) => column.stageCode === stage.code);
      if (found >= 0) {
        const column = columns[found];
        if (column && column.targetDays !== stage.targetDays) column.targetDays = null;
        insertAt = found + 1;
        continue;
      }
      columns.splice(insertAt, 0, { stageCode: stage.code, stageName: stage.name, targetDays: stage.targetDays, cards: [] });
      insertAt += 1;
    }
  }
  return columns;
}

export async function getProposalBoard(ctx: ActorCtx, query: ProposalBoardQuery): Promise<ProposalBoard> {
  const kinds = query.kind ? [query.kind] : COOPERATION_KINDS;
  const [procedures, rows] = await Promise.all([
    Promise.all(kinds.map((kind) => loadProcedure(ctx.db, kind))),
    selectBoardProposals(ctx.db, { scope: proposalListScopeWithReviews(ctx.actor), query }),
  ]);
  const columns = boardColumns(procedures);
  for (const { proposal, unitName } of rows) {
    const stage = procedures.find((procedure) => procedure.kind === proposal.kind)?.stages.find((candidate) => candidate.code === proposal.stageCode);
    const column = columns.find((candidate) => candidate.stageCode === proposal.stageCode);
    if (!column) continue;
    const daysInStage = daysInCurrentStage(proposal, ctx.now);
    const targetDays = stage?.targetDays ?? null;
    column.cards.push({ ...toSummary(proposal, { unitName, stageName: stage?.name ?? null }), daysInStage, targetDays, isOverdue: isOverdue(daysInStage, targetDays) });
  }
  return { kind: query.kind ?? null, columns, total: rows.length };
}
