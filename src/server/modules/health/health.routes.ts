import type { FastifyInstance } from 'fastify';
import { checkLiveness, checkReadiness } from './health.service';

export function healthRoutes(app: FastifyInstance) {
  // Liveness: is the process up (restart it if not).
  app.get('/health', { schema: { tags: ['health'] }, config: { access: 'public' } }, (request) => checkLiveness(request.server.deps.database));
  // Readiness: may it take traffic (database answers, schema migrated); 503 with the reason otherwise.
  app.get('/ready', { schema: { tags: ['health'] }, config: { access: 'public' } }, (request) => checkReadiness(request.server.deps.database));
}
