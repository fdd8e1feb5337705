import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateBeneficiarySchema, CreatePlanSchema, GapQuerySchema, PlanListQuerySchema, UpdatePlanSchema } from '../../../shared/plans';
import { actorCtxOf, typed } from '../../lib/http';
import { getGap } from './gap.service';
import { planStatusRoutes } from './plan-status.routes';
import { createBeneficiary, createPlan, listBeneficiaries, listInbox, listPlans, updatePlan } from './plans.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['plans'];

export function plansRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/plans/inbox', { schema: { tags }, config: { access: ['opd'] } }, (request) => listInbox(actorCtxOf(request)));
  api.get('/plans', { schema: { tags, querystring: PlanListQuerySchema }, config: { access: 'signed-in' } }, (request) => listPlans(actorCtxOf(request), request.query));
  api.post('/plans', { schema: { tags, body: CreatePlanSchema }, config: { access: ['admin', 'opd'] } }, async (request, reply) => reply.status(201).send(await createPlan(actorCtxOf(request), request.body)));
  api.patch('/plans/:id', { schema: { tags, params: idParam, body: UpdatePlanSchema }, config: { access: ['admin', 'opd'] } }, (request) => updatePlan(actorCtxOf(request), { ...request.body, id: request.params.id }));
  api.get('/agreements/:id/beneficiaries', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => listBeneficiaries(actorCtxOf(request), request.params.id));
  api.post('/beneficiaries', { schema: { tags, body: CreateBeneficiarySchema }, config: { access: ['admin', 'opd'] } }, async (request, reply) =>
    reply.status(201).send(await createBeneficiary(actorCtxOf(request), request.body)),
  );
  planStatusRoutes(app);
  api.get('/dissemination/gap', { schema: { tags, querystring: GapQuerySchema }, config: { access: ['admin', 'tkksd', 'pimpinan'] } }, (request) => getGap(actorCtxOf(request), request.query));
}
