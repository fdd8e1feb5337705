import type { FastifyInstance } from 'fastify';
import { DashboardQuerySchema, FunnelListQuerySchema, FunnelStepParamsSchema } from '../../../shared/leadership';
import { actorCtxOf, typed } from '../../lib/http';
import { getLeadershipDashboard, listFunnelStep } from './leadership.service';

export function leadershipRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['leadership'];
  const access = ['admin', 'tkksd', 'pimpinan'] as const;
  api.get('/leadership/dashboard', { schema: { tags, querystring: DashboardQuerySchema }, config: { access: [...access] } }, (request) => getLeadershipDashboard(actorCtxOf(request), request.query));
  api.get('/leadership/funnel/:step', { schema: { tags, params: FunnelStepParamsSchema, querystring: FunnelListQuerySchema }, config: { access: [...access] } }, (request) =>
    listFunnelStep(actorCtxOf(request), { ...request.query, step: request.params.step }),
  );
}
