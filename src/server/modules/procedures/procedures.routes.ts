import type { FastifyInstance } from 'fastify';
import { ProcedureKindParamSchema, UpdateProcedureSchema } from '../../../shared/procedures';
import { actorCtxOf, ctxOf, typed } from '../../lib/http';
import { listProcedures, readProcedure, readProcedureGuide, updateProcedure } from './procedures.service';

const tags = ['procedures'];
// Open to anyone, so bounded per client address.
const publicRateLimit = { max: 120, timeWindow: '1 minute' };

export function proceduresRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/procedures', { schema: { tags } }, (request) => listProcedures(actorCtxOf(request)));
  api.get('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema } }, (request) =>
    readProcedure(actorCtxOf(request), request.params.kind),
  );
  api.put('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema, body: UpdateProcedureSchema } }, (request) =>
    updateProcedure(actorCtxOf(request), request.params.kind, request.body),
  );
  api.get('/public/procedures', { schema: { tags: [...tags, 'public'] }, config: { rateLimit: publicRateLimit } }, (request) =>
    readProcedureGuide(ctxOf(request)),
  );
}
