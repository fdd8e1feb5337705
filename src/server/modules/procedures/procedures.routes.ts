import type { FastifyInstance } from 'fastify';
import { ProcedureKindParamSchema, UpdateProcedureSchema } from '../../../shared/procedures';
import { actorCtxOf, ctxOf, typed } from '../../lib/http';
import { listProcedures, readProcedure, readProcedureGuide, updateProcedure, type OpenProposalsOutside } from './procedures.service';

const tags = ['procedures'];
// Open to anyone, so bounded per client address.
const publicRateLimit = { max: 120, timeWindow: '1 minute' };

// openProposalsOutside comes from the proposals module, which sits above procedures (modules/routes.ts).
export function proceduresRoutes(app: FastifyInstance, deps: { openProposalsOutside: OpenProposalsOutside }) {
  const api = typed(app);
  api.get('/procedures', { schema: { tags }, config: { access: 'signed-in' } }, (request) => listProcedures(actorCtxOf(request)));
  api.get('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema }, config: { access: 'signed-in' } }, (request) =>
    readProcedure(actorCtxOf(request), request.params.kind),
  );
  api.put('/procedures/:kind', { schema: { tags, params: ProcedureKindParamSchema, body: UpdateProcedureSchema }, config: { access: ['admin'] } }, (request) =>
    updateProcedure({ ...actorCtxOf(request), openProposalsOutside: deps.openProposalsOutside }, { ...request.body, kind: request.params.kind }),
  );
  api.get('/public/procedures', { schema: { tags: [...tags, 'public'] }, config: { rateLimit: publicRateLimit, access: 'public' } }, (request) =>
    readProcedureGuide(ctxOf(request)),
  );
}
