import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { plainText } from '../../../../shared/input';
import { ConfirmProposalSchema, PUBLIC_FORM_MAX_BYTES, PublicProposalSchema, TrackingTokenParamSchema } from '../../../../shared/proposals';
import { ctxOf, typed } from '../../../lib/http';
import { receiveUpload } from '../../../lib/multipart';
import { readTracking } from './tracking-page.service';
import { confirmPublicProposal, prepareTrackingUpload, resubmitViaTracking, submitPublicProposal, uploadViaTracking } from './tracking.service';

const tags = ['public', 'proposals'];
// Open to anyone: each route is bounded per client address.
const perAddress = (max: number, timeWindow: string) => ({ rateLimit: { max, timeWindow } });
// A private token sits in these paths: keep them out of the request log.
const quiet = 'warn' as const;

// JSON only: a page on another site cannot send it without the browser asking first, and the
// private token in the path is what identifies the initiator.
const ResubmitBodySchema = z.object({ note: plainText().trim().max(4000).optional() });

export function publicProposalsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.post(
    '/public/proposals',
    { schema: { tags, body: PublicProposalSchema }, bodyLimit: PUBLIC_FORM_MAX_BYTES, config: { ...perAddress(10, '10 minutes'), access: 'public' } },
    async (request, reply) => reply.status(202).send(await submitPublicProposal(ctxOf(request), request.body)),
  );
  api.post('/public/proposals/confirm', { schema: { tags, body: ConfirmProposalSchema }, config: { ...perAddress(20, '10 minutes'), access: 'public' }, logLevel: quiet }, (request) =>
    confirmPublicProposal(ctxOf(request), request.body.token),
  );
  api.get('/public/proposals/track/:token', { schema: { tags, params: TrackingTokenParamSchema }, config: { ...perAddress(60, '1 minute'), access: 'public' }, logLevel: quiet }, (request) =>
    readTracking(ctxOf(request), request.params.token),
  );
  // multipart/form-data: file (PDF), docType, note?
  api.post(
    '/public/proposals/track/:token/documents',
    { schema: { tags, params: TrackingTokenParamSchema, consumes: ['multipart/form-data'] }, config: { ...perAddress(20, '10 minutes'), access: 'public' }, logLevel: quiet },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const prepared = await prepareTrackingUpload(ctx, request.params.token);
      const upload = await receiveUpload(request, prepared.limit);
      return reply.status(201).send(await uploadViaTracking(ctx, { token: request.params.token, prepared, upload }));
    },
  );
  // Resubmits a proposal sent back for revision; answers what the tracking page shows next.
  api.post(
    '/public/proposals/track/:token/resubmit',
    { schema: { tags, params: TrackingTokenParamSchema, body: ResubmitBodySchema }, config: { ...perAddress(20, '10 minutes'), access: 'public' }, logLevel: quiet },
    async (request) => {
      await resubmitViaTracking(ctxOf(request), { token: request.params.token, note: request.body.note || null });
      return readTracking(ctxOf(request), request.params.token);
    },
  );
}
