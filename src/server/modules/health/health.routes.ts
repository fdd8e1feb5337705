import type { FastifyInstance } from 'fastify';
import { checkHealth } from './health.service';

export function healthRoutes(app: FastifyInstance) {
  app.get('/health', { schema: { tags: ['health'] }, config: { access: 'public' } }, (request) => checkHealth(request.server.deps.database));
}
