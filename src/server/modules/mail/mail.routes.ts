import type { FastifyInstance } from 'fastify';
import { OutboxQuerySchema } from '../../../shared/notifications';
import { actorCtxOf, typed } from '../../lib/http';
import { listOutbox } from './mail.service';

export function mailRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/outbox', { schema: { tags: ['mail'], querystring: OutboxQuerySchema }, config: { access: ['admin'] } }, (request) => listOutbox(actorCtxOf(request), request.query));
}
