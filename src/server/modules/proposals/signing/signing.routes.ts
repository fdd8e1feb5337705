import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateSigningSchema, DRAFT_TYPES, RegisterSigningSchema, UpdateSigningSchema } from '../../../../shared/proposal-signing';
import { actorCtxOf, sendFileDownload, typed } from '../../../lib/http';
import { DOCX_MIME } from '../drafts/drafts.docx';
import { generateDraft } from '../drafts/drafts.service';
import { registerSigning } from './signing-register.service';
import { createSigning, listSignings, updateSigning } from './signing.service';

// Drafts and signing of a proposal's KB, PKS or NK (issue 3 §6–7). Contracts: src/shared/proposal-signing.ts.
//
// GET   /api/proposals/:id/drafts/:type            type kb|pks|nk → the editable .docx (attachment);
//                                                  409 before the drafting stage, 400 for a type the kind does not sign
// GET   /api/proposals/:id/signings                → SigningView[]
// POST  /api/proposals/:id/signings                CreateSigningInput { docType, mode, scheduledOn, place, note? } → 201 SigningView;
//                                                  409 when that document's signing is already scheduled
// PATCH /api/proposals/:id/signings/:signingId     UpdateSigningInput { mode?, scheduledOn?, place?, note?, parafEveryPage?,
//                                                  meterai?, sealEveryCopy?, version } → SigningView (stale version → 409)
// POST  /api/proposals/:id/signings/:signingId/register
//                                                  RegisterSigningInput { numberOurs?, numberPartner?, startsOn?, endsOn?, title?,
//                                                  leadUnitId?, supportingUnitIds?, ksddMode?, valueIdr?, longTermReason?, isPublic?,
//                                                  version } → 201 RegisterSigningResponse { signing, agreementId, parentId,
//                                                  proposalState, proposalStageCode }; 409 with error.details.reason:
//                                                  already_registered | check_incomplete | signed_pdf_missing | wrong_stage | sent_back | closed
// The signed PDF is uploaded with the proposal documents (POST /api/proposals/:id/documents, docType kb|pks|nk).

const idParam = z.object({ id: z.uuid() });
const draftParams = z.object({ id: z.uuid(), type: z.enum(DRAFT_TYPES) });
const signingParams = z.object({ id: z.uuid(), signingId: z.uuid() });
const tags = ['proposals'];

export function proposalSigningRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/proposals/:id/drafts/:type', { schema: { tags, params: draftParams, summary: 'Editable DOCX draft of the KB, PKS or NK', produces: [DOCX_MIME] }, config: { access: ['admin', 'tkksd', 'opd'] } }, async (request, reply) => {
    const file = await generateDraft(actorCtxOf(request), { proposalId: request.params.id, type: request.params.type });
    return sendFileDownload(reply, file);
  });
  api.get('/proposals/:id/signings', { schema: { tags, params: idParam, summary: 'Signings of a proposal (SigningView[])' }, config: { access: 'signed-in' } }, (request) => listSignings(actorCtxOf(request), request.params.id));
  api.post('/proposals/:id/signings', { schema: { tags, params: idParam, body: CreateSigningSchema, summary: 'Schedule the signing of a KB, PKS or NK' }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await createSigning(actorCtxOf(request), { proposalId: request.params.id, ...request.body })),
  );
  api.patch('/proposals/:id/signings/:signingId', { schema: { tags, params: signingParams, body: UpdateSigningSchema, summary: 'Reschedule a signing or record its post-signing check' }, config: { access: ['admin'] } }, (request) =>
    updateSigning(actorCtxOf(request), { proposalId: request.params.id, signingId: request.params.signingId, ...request.body }),
  );
  api.post('/proposals/:id/signings/:signingId/register', { schema: { tags, params: signingParams, body: RegisterSigningSchema, summary: 'Register the signed document as an agreement and close the signing stage' }, config: { access: ['admin'] } }, async (request, reply) => {
    return reply.status(201).send(await registerSigning(actorCtxOf(request), { proposalId: request.params.id, signingId: request.params.signingId, ...request.body }));
  });
}
