import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateCommentSchema } from '../../../../shared/proposal-reviews';
import { TrackingTokenParamSchema } from '../../../../shared/proposals';
import { actorCtxOf, ctxOf, typed } from '../../../lib/http';
import { addCommentViaTracking, addDocumentComment, listCommentsViaTracking, listDocumentComments } from './comments.service';

// Comment threads, one per proposal document version (contracts in src/shared/proposal-reviews.ts).
//
// GET  /api/proposal-documents/:id/comments                              → { items: ProposalCommentView[] }
// POST /api/proposal-documents/:id/comments               { body }       → 201 ProposalCommentView
//      staff who can read the proposal (:id is a document version's id)
// GET  /api/public/proposals/track/:token/documents/:documentId/comments → { items: ProposalCommentView[] }
// POST /api/public/proposals/track/:token/documents/:documentId/comments { body } → 201 ProposalCommentView
//      the outside initiator through the private tracking link; staff names are left out (authorName null)
//
// A closed proposal's threads are read-only (409).

const tags = ['proposals', 'comments'];
const idParam = z.object({ id: z.uuid() });
const trackedParams = TrackingTokenParamSchema.extend({ documentId: z.uuid() });
// The private token sits in these paths: keep them out of the request log; bounded per address.
const quiet = 'warn' as const;
const perAddress = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });

export function proposalCommentsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposal-documents/:id/comments', { schema: { tags, summary: 'Comments on one document version', params: idParam }, config: { access: 'signed-in' } }, (request) =>
    listDocumentComments(actorCtxOf(request), request.params.id),
  );
  api.post('/proposal-documents/:id/comments', { schema: { tags, summary: 'Comment on one document version', params: idParam, body: CreateCommentSchema }, config: { access: 'signed-in' } }, async (request, reply) =>
    reply.status(201).send(await addDocumentComment(actorCtxOf(request), { documentId: request.params.id, ...request.body })),
  );
  api.get(
    '/public/proposals/track/:token/documents/:documentId/comments',
    { schema: { tags: ['public', ...tags], summary: 'Comments on a document, through the private tracking link', params: trackedParams }, config: { ...perAddress(60, '1 minute'), access: 'public' }, logLevel: quiet },
    (request) => listCommentsViaTracking(ctxOf(request), { token: request.params.token, documentId: request.params.documentId }),
  );
  api.post(
    '/public/proposals/track/:token/documents/:documentId/comments',
    { schema: { tags: ['public', ...tags], summary: 'Comment on a document, through the private tracking link', params: trackedParams, body: CreateCommentSchema }, config: { ...perAddress(30, '10 minutes'), access: 'public' }, logLevel: quiet },
    async (request, reply) => reply.status(201).send(await addCommentViaTracking(ctxOf(request), { token: request.params.token, documentId: request.params.documentId, ...request.body })),
  );
}
