import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ProposalBoardQuerySchema, ProposalDurationStatsQuerySchema } from '../../../../shared/proposal-durations';
import { actorCtxOf, typed } from '../../../lib/http';
import { getProposalBoard } from '../board/board.service';
import { getProposalDurations, getProposalDurationStats } from './durations.service';

const idParam = z.object({ id: z.uuid() });

// Where each proposal stands and how long it took (§8): the board, one proposal's stage days, the medians.
export function proposalDurationsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposals/board', { schema: { tags: ['proposals'], querystring: ProposalBoardQuerySchema }, config: { access: 'signed-in' } }, (request) => getProposalBoard(actorCtxOf(request), request.query));
  api.get('/proposals/:id/durations', { schema: { tags: ['proposals'], params: idParam }, config: { access: 'signed-in' } }, (request) => getProposalDurations(actorCtxOf(request), request.params.id));
  api.get('/stats/proposal-durations', { schema: { tags: ['stats'], querystring: ProposalDurationStatsQuerySchema }, config: { access: 'signed-in' } }, (request) =>
    getProposalDurationStats(actorCtxOf(request), request.query),
  );
}
