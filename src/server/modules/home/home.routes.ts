import type { FastifyInstance } from 'fastify';
import { actorCtxOf, typed } from '../../lib/http';
import { homeOf } from './home.service';

const tags = ['home'];

// Each role's home: what waits for the signed-in person. Scoped by the policy and the queries.
export function homeRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/home', { schema: { tags }, config: { access: 'signed-in' } }, (request) => homeOf(actorCtxOf(request)));
}
