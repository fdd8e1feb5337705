import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PublicFileQuerySchema, PublicSearchQuerySchema } from '../../../shared/public';
import { ctxOf, sendFileDownload, typed } from '../../lib/http';
import { listPublicAgreements, openPublicDocument } from './public.service';

const tags = ['public'];
// Open to anyone, so bounded per client address.
const rateLimit = { max: 120, timeWindow: '1 minute' };

export function publicRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get('/public/agreements', { schema: { tags, querystring: PublicSearchQuerySchema }, config: { rateLimit, access: 'public' } }, (request) =>
    listPublicAgreements(ctxOf(request), request.query),
  );

  api.get(
    '/public/documents/:id/file',
    { schema: { tags, params: z.object({ id: z.uuid() }), querystring: PublicFileQuerySchema }, config: { rateLimit, access: 'public' } },
    async (request, reply) => {
      const file = await openPublicDocument(ctxOf(request), request.params.id);
      return sendFileDownload(reply, file);
    },
  );
}
