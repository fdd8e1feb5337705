import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreatePartnerSchema, DismissPartnerDuplicateSchema, MergePartnersSchema, PartnerListQuerySchema, UpdatePartnerSchema } from '../../../shared/partners';
import { actorCtxOf, typed } from '../../lib/http';
import { mergePartners } from './agreement-partners-merge.service';
import * as service from './agreement-partners.service';
import { dismissPartnerDuplicate } from '../partners/partners.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['partners'];

// The registry's partners. Here rather than in the partners module: every answer carries what the
// partner has to do with agreements (counts, lists, merges), and partners sits below agreements.
export function partnersRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/partners', { schema: { tags, querystring: PartnerListQuerySchema }, config: { access: 'signed-in' } }, (request) =>
    service.listPartners(actorCtxOf(request), request.query),
  );
  api.get('/partners/duplicates', { schema: { tags }, config: { access: 'signed-in' } }, (request) => service.listPartnerDuplicates(actorCtxOf(request)));
  api.post('/partners/duplicates/dismiss', { schema: { tags, body: DismissPartnerDuplicateSchema }, config: { access: ['admin'] } }, async (request, reply) => {
    await dismissPartnerDuplicate(actorCtxOf(request), request.body);
    return reply.status(204).send();
  });
  api.get('/partners/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => service.getPartner(actorCtxOf(request), request.params.id));
  api.post('/partners', { schema: { tags, body: CreatePartnerSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await service.createPartner(actorCtxOf(request), request.body)),
  );
  api.patch('/partners/:id', { schema: { tags, params: idParam, body: UpdatePartnerSchema }, config: { access: ['admin'] } }, (request) =>
    service.updatePartner(actorCtxOf(request), { ...request.body, id: request.params.id }),
  );
  api.post('/partners/merge', { schema: { tags, body: MergePartnersSchema }, config: { access: ['admin'] } }, (request) => mergePartners(actorCtxOf(request), request.body));
}
