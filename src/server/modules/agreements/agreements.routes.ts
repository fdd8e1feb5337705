import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateAgreementSchema, EndAgreementSchema, UpdateAgreementSchema } from '../../../shared/agreements';
import { actorCtxOf, typed } from '../../lib/http';
import * as service from './agreements.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['agreements'];

// The registry list (GET /agreements) belongs to search; documents hang under /agreements/:id/documents.
export function agreementsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.post('/agreements', { schema: { tags, body: CreateAgreementSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await service.createAgreement(actorCtxOf(request), request.body)),
  );
  api.get('/agreements/number-duplicates', { schema: { tags }, config: { access: ['admin'] } }, (request) => service.listNumberDuplicates(actorCtxOf(request)));
  api.get('/agreements/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => service.getAgreement(actorCtxOf(request), request.params.id));
  api.patch('/agreements/:id', { schema: { tags, params: idParam, body: UpdateAgreementSchema }, config: { access: ['admin'] } }, (request) =>
    service.updateAgreement(actorCtxOf(request), request.params.id, request.body),
  );
  api.post('/agreements/:id/end', { schema: { tags, params: idParam, body: EndAgreementSchema }, config: { access: ['admin'] } }, (request) =>
    service.endAgreement(actorCtxOf(request), request.params.id, request.body),
  );
  api.get('/agreements/:id/audit', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) =>
    service.listAgreementAudit(actorCtxOf(request), request.params.id),
  );
}
