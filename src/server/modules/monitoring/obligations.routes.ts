import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmObligationSchema, CreateObligationSchema, UpdateObligationSchema } from '../../../shared/obligations';
import { actorCtxOf, typed } from '../../lib/http';
import { confirmObligation, createObligation, listObligations, updateObligation } from './obligations.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['obligations'];

// Who reads which agreement's obligations, and who may confirm one, is the policy's (it needs the
// agreement's OPDs); the declared access is the outer fence.
export function obligationsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/agreements/:id/obligations', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => listObligations(actorCtxOf(request), request.params.id));
  api.post('/agreements/:id/obligations', { schema: { tags, params: idParam, body: CreateObligationSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await createObligation(actorCtxOf(request), { ...request.body, agreementId: request.params.id })),
  );
  api.patch('/obligations/:id', { schema: { tags, params: idParam, body: UpdateObligationSchema }, config: { access: ['admin'] } }, (request) =>
    updateObligation(actorCtxOf(request), { ...request.body, id: request.params.id }),
  );
  api.post('/obligations/:id/confirm', { schema: { tags, params: idParam, body: ConfirmObligationSchema }, config: { access: ['opd'] } }, (request) =>
    confirmObligation(actorCtxOf(request), { ...request.body, id: request.params.id }),
  );
}
