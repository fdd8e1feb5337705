import type { FastifyInstance } from 'fastify';
import { ProcedureKindParamSchema, UpdateProcedureSchema } from '../../../shared/procedures';
import { actorCtxOf, ctxOf, typed } from '../../lib/http';
import { listProcedures, readProcedure, readProcedureGuide, updateProcedure } from './procedures.service';

const tags = ['procedures'];
// Open to anyone, so bounded per client address.
const publicRateLimit = { max: 120, timeWindow: '1 minute' };

export function proceduresRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/procedures', { schema: { tags }, config: { access: 'signed-in' } }, (request) => listProcedures(actorCtxOf(request)));
  api.get('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema }, config: { access: 'signed-in' } }, (request) =>
    readProcedure(actorCtxOf(request), request.params.kind),
  );
  api.put('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema, body: UpdateProcedureSchema }, config: { access: ['admin'] } }, (request) =>
    updateProcedure(actorCtxOf(request), request.params.kind, request.body),
  );
  api.get('/public/procedures', { schema: { tags: [...tags, 'public'] }, config: { rateLimit: publicRateLimit, access: 'public' } }, (request) =>
    readProcedureGuide(ctxOf(request)),
  );
}
