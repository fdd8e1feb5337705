import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PackageActionSchema, SavePackageSchema } from '../../../shared/dissemination';
import { actorCtxOf, typed } from '../../lib/http';
import { acknowledgePackage, getPackage, listTracking, transitionPackage, writePackage } from '../dissemination/dissemination.service';
import { withPlanStatus, withPlanStatuses } from './plan-status.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['dissemination'];

// The dissemination package's own routes, mounted here because every answer carries, per OPD told,
// whether it has planned (plans/plan-status.service.ts). The use cases stay in dissemination.
export function planStatusRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/dissemination', { schema: { tags }, config: { access: ['admin', 'tkksd', 'pimpinan'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    return withPlanStatuses(ctx, await listTracking(ctx));
  });
  api.get('/agreements/:id/dissemination', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request) => {
    const ctx = actorCtxOf(request);
    return withPlanStatus(ctx, await getPackage(ctx, request.params.id));
  });
  api.put('/agreements/:id/dissemination', { schema: { tags, params: idParam, body: SavePackageSchema }, config: { access: ['admin', 'tkksd'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    return withPlanStatus(ctx, await writePackage(ctx, { agreementId: request.params.id, ...request.body }));
  });
  api.post('/agreements/:id/dissemination/transition', { schema: { tags, params: idParam, body: PackageActionSchema }, config: { access: ['admin', 'tkksd'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    return withPlanStatus(ctx, await transitionPackage(ctx, { agreementId: request.params.id, ...request.body }));
  });
  api.post('/agreements/:id/dissemination/acknowledge', { schema: { tags, params: idParam }, config: { access: ['opd'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    return withPlanStatus(ctx, await acknowledgePackage(ctx, request.params.id));
  });
}
