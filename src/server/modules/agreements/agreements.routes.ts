import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateAgreementSchema, EndAgreementSchema, UpdateAgreementSchema, type AgreementView } from '../../../shared/agreements';
import type { ActorCtx } from '../../lib/context';
import { actorCtxOf, typed } from '../../lib/http';
import * as service from './agreements.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['agreements'];

// The registry list (GET /agreements) belongs to search; documents hang under /agreements/:id/documents.
export function agreementsRoutes(app: FastifyInstance, options: { proposalOf: service.ProposalOfAgreement; documentRightsOf: service.DocumentRightsOf }) {
  const api = typed(app);
  const shown = async (ctx: ActorCtx, view: Promise<AgreementView>) => service.presentAgreement(ctx, { view: await view, proposalOf: options.proposalOf, documentRightsOf: options.documentRightsOf });
  api.post('/agreements', { schema: { tags, body: CreateAgreementSchema }, config: { access: ['admin'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    return reply.status(201).send(await shown(ctx, service.createAgreement(ctx, request.body)));
  });
  api.get('/agreements/number-duplicates', { schema: { tags }, config: { access: ['admin'] } }, (request) => service.listNumberDuplicates(actorCtxOf(request)));
  api.get('/agreements/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => {
    const ctx = actorCtxOf(request);
    return shown(ctx, service.getAgreement(ctx, request.params.id));
  });
  api.patch('/agreements/:id', { schema: { tags, params: idParam, body: UpdateAgreementSchema }, config: { access: ['admin'] } }, (request) => {
    const ctx = actorCtxOf(request);
    return shown(ctx, service.updateAgreement(ctx, { ...request.body, id: request.params.id }));
  });
  api.post('/agreements/:id/end', { schema: { tags, params: idParam, body: EndAgreementSchema }, config: { access: ['admin'] } }, (request) => {
    const ctx = actorCtxOf(request);
    return shown(ctx, service.endAgreement(ctx, { ...request.body, id: request.params.id }));
  });
  api.get('/agreements/:id/audit', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) =>
    service.listAgreementAudit(actorCtxOf(request), request.params.id),
  );
}
