import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ProposalBoardQuery } from '../../../shared/proposal-durations';
import type { Db } from '../../db/client';
import { units } from '../units/units.table';
import type { proposalListScope } from './proposals.policy';
import { proposals } from './proposals.table';

type Scope = ReturnType<typeof proposalListScope>;

// The board shows what is in the division's queue: running or sent back, never drafts or closed ones.
export async function selectBoardProposals(db: Db, scope: Scope, query: ProposalBoardQuery) {
  const filters: SQL[] = [inArray(proposals.state, ['aktif', 'dikembalikan'])];
  if (scope.kind === 'unit') filters.push(and(eq(proposals.initiatorType, 'opd'), eq(proposals.unitId, scope.unitId)) as SQL);
  if (scope.kind === 'none') filters.push(sql`false`);
  if (query.kind) filters.push(eq(proposals.kind, query.kind));
  if (query.unitId) filters.push(eq(proposals.unitId, query.unitId));
  return db
    .select({ proposal: proposals, unitName: units.name })
    .from(proposals)
    .leftJoin(units, eq(units.id, proposals.unitId))
    .where(and(...filters))
    .orderBy(asc(proposals.stageEnteredAt), asc(proposals.id));
}
