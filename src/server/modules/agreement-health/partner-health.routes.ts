import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorCtxOf, typed } from '../../lib/http';
import { partnerHealthOf } from './partner-health.service';

// A partner's agreements with their health. Beside GET /partners/:id (the partner with its
// agreements' links), here because health sits above the agreements and partners modules.
export function partnerHealthRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/partners/:id/agreements', { schema: { tags: ['partners'], params: z.object({ id: z.uuid() }) }, config: { access: 'signed-in' } }, (request) =>
    partnerHealthOf(actorCtxOf(request), { partnerId: request.params.id }),
  );
}
