import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ProposalBoardQuery } from '../../../../shared/proposal-durations';
import type { Db } from '../../../db/client';
import { units } from '../../units/units.table';
import type { proposalListScopeWithReviews } from '../core/proposals.policy';
import { assignedTo } from '../core/proposals.repository';
import { proposals } from '../core/proposals.table';

type Scope = ReturnType<typeof proposalListScopeWithReviews>;

// The same reading of the list's scope as the proposal list (listFilters in proposals.repository).
function scopeFilter(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
    case 'submitted':
      return undefined;
    case 'unit':
      return and(eq(proposals.initiatorType, 'opd'), eq(proposals.unitId, scope.unitId));
    case 'assigned':
      return assignedTo(scope.reviewerId);
    case 'none':
      return sql`false`;
  }
}

// The board shows what is in the division's queue: running or sent back, never drafts or closed ones
// (so 'submitted' needs no filter of its own).
export async function selectBoardProposals(db: Db, { scope, query }: { scope: Scope; query: ProposalBoardQuery }) {
  const filters: (SQL | undefined)[] = [inArray(proposals.state, ['aktif', 'dikembalikan']), scopeFilter(scope)];
  if (query.kind) filters.push(eq(proposals.kind, query.kind));
  if (query.unitId) filters.push(eq(proposals.unitId, query.unitId));
  return db
    .select({ proposal: proposals, unitName: units.name })
    .from(proposals)
    .leftJoin(units, eq(units.id, proposals.unitId))
    .where(and(...filters))
    .orderBy(asc(proposals.stageEnteredAt), asc(proposals.id));
}
