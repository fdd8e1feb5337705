import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateProposalSchema, ProposalListQuerySchema, TransitionProposalSchema, UpdateProposalSchema } from '../../../../shared/proposals';
import { actorCtxOf, sendFileDownload, typed } from '../../../lib/http';
import { receiveUpload } from '../../../lib/multipart';
import { openProposalDocument, prepareProposalUpload, uploadProposalDocument } from '../documents/documents.service';
import { reissueTrackingLink, revokeTrackingLink } from '../tracking/tracking-page.service';
import { transitionProposal } from '../transitions/transitions.service';
import { createProposal, getProposal, listProposals, updateProposal } from './proposals.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['proposals'];

export function proposalsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposals', { schema: { tags, querystring: ProposalListQuerySchema }, config: { access: 'signed-in' } }, (request) => listProposals(actorCtxOf(request), request.query));
  api.post('/proposals', { schema: { tags, body: CreateProposalSchema }, config: { access: ['admin', 'opd'] } }, async (request, reply) =>
    reply.status(201).send(await createProposal(actorCtxOf(request), request.body)),
  );
  api.get('/proposals/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => getProposal(actorCtxOf(request), request.params.id));
  api.patch('/proposals/:id', { schema: { tags, params: idParam, body: UpdateProposalSchema }, config: { access: ['admin', 'opd'] } }, (request) =>
    updateProposal(actorCtxOf(request), { id: request.params.id, ...request.body }),
  );
  // A refused step answers 409 with the reason (and the missing document types) in error.details.
  api.post('/proposals/:id/transitions', { schema: { tags, params: idParam, body: TransitionProposalSchema }, config: { access: ['admin', 'opd'] } }, (request) =>
    transitionProposal(actorCtxOf(request), { id: request.params.id, ...request.body }),
  );
  // multipart/form-data: file (PDF), docType, note?
  api.post('/proposals/:id/documents', { schema: { tags, params: idParam, consumes: ['multipart/form-data'] }, config: { access: ['admin', 'opd'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    const limit = await prepareProposalUpload(ctx, request.params.id);
    const upload = await receiveUpload(request, limit);
    return reply.status(201).send(await uploadProposalDocument(ctx, { proposalId: request.params.id, upload }));
  });
  // An outside initiator's private link: a new one replaces (and revokes) the old one.
  api.post('/proposals/:id/tracking-link', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await reissueTrackingLink(actorCtxOf(request), request.params.id)),
  );
  api.delete('/proposals/:id/tracking-link', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, (request) => revokeTrackingLink(actorCtxOf(request), request.params.id));
  api.get('/proposal-documents/:id/file', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) => {
    const file = await openProposalDocument(actorCtxOf(request), request.params.id);
    return sendFileDownload(reply, file);
  });
}
