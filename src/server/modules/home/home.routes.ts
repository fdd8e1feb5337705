import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorCtxOf, typed } from '../../lib/http';
import { agreementHealthOf } from '../agreement-health/agreement-health.service';
import { homeOf } from './home.service';

const tags = ['home'];

// Each role's home: what waits for the signed-in person. Scoped by the policy and the queries.
export function homeRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/home', { schema: { tags }, config: { access: 'signed-in' } }, (request) => homeOf(actorCtxOf(request)));
  // Whoever reads the agreement reads its health: the agreement's own rules decide (403/404).
  api.get('/agreements/:id/health', { schema: { tags: ['agreements'], params: z.object({ id: z.uuid() }) }, config: { access: 'signed-in' } }, (request) =>
    agreementHealthOf(actorCtxOf(request), { agreementId: request.params.id }),
  );
}
