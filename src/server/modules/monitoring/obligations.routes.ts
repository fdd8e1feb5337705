import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmObligationSchema, CreateObligationSchema, ReopenOccurrenceSchema, UpdateObligationSchema } from '../../../shared/obligations';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { receiveUpload } from '../../lib/multipart';
import { prepareOccurrenceUpload, readOccurrenceEvidence, recordOccurrence, reopenOccurrence } from './obligation-occurrences.service';
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
  // multipart/form-data: dueOn (empty for a trigger obligation), status met|waived, waiverReason,
  // note, and for met an optional file (PDF, JPEG or PNG, checked by content).
  api.post('/obligations/:id/occurrences', { schema: { tags, params: idParam, consumes: ['multipart/form-data'] }, config: { access: ['admin', 'opd'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    const limit = await prepareOccurrenceUpload(ctx, { obligationId: request.params.id });
    return recordOccurrence(ctx, { obligationId: request.params.id, upload: await receiveUpload(request, limit) });
  });
  api.post('/obligations/:id/occurrences/reopen', { schema: { tags, params: idParam, body: ReopenOccurrenceSchema }, config: { access: ['admin'] } }, (request) =>
    reopenOccurrence(actorCtxOf(request), { ...request.body, obligationId: request.params.id }),
  );
  api.get('/obligation-occurrences/:id/evidence', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, async (request, reply) =>
    sendFileDownload(reply, await readOccurrenceEvidence(actorCtxOf(request), { occurrenceId: request.params.id })),
  );
}
