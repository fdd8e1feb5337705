import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SubmitResponseSchema } from '../../../shared/evaluation';
import { CreatePartnerLinkSchema, PartnerLinkTokenParamSchema } from '../../../shared/evaluation-links';
import { actorCtxOf, ctxOf, typed } from '../../lib/http';
import { answerThroughLink, readPartnerEvaluation } from './evaluation-links-public.service';
import { readPartnerLink, revokePartnerLink, sendPartnerLink } from './evaluation-links.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['evaluation'];
// Open to anyone holding a link: bounded per client address, so guessing tokens costs a budget
// per address rather than a fresh one per guessed token.
const perAddress = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });
// A private token sits in these paths: keep them out of the request log.
const quiet = 'warn' as const;

export function evaluationLinksRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/evaluations/:id/partner-link', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, (request) =>
    readPartnerLink(actorCtxOf(request), { evaluationId: request.params.id }),
  );
  api.post('/evaluations/:id/partner-link', { schema: { tags, params: idParam, body: CreatePartnerLinkSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await sendPartnerLink(actorCtxOf(request), { ...request.body, evaluationId: request.params.id })),
  );
  api.delete('/evaluations/:id/partner-link', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, (request) =>
    revokePartnerLink(actorCtxOf(request), { evaluationId: request.params.id }),
  );

  const publicTags = [...tags, 'public'];
  api.get('/public/evaluations/:token', { schema: { tags: publicTags, params: PartnerLinkTokenParamSchema }, config: { ...perAddress(60, '1 minute'), access: 'public' }, logLevel: quiet }, (request) =>
    readPartnerEvaluation(ctxOf(request), { token: request.params.token }),
  );
  api.put(
    '/public/evaluations/:token',
    { schema: { tags: publicTags, params: PartnerLinkTokenParamSchema, body: SubmitResponseSchema }, config: { ...perAddress(20, '10 minutes'), access: 'public' }, logLevel: quiet },
    (request) => answerThroughLink(ctxOf(request), { ...request.body, token: request.params.token }),
  );
}
