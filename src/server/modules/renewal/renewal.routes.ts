import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RecordRenewalSchema } from '../../../shared/renewal';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { draftExtensionLetter } from './extension-letter.service';
import { getRenewal, recordRenewal } from './renewal.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['renewal'];

// Who reads which agreement's renewal is the policy's (it needs the agreement's OPDs); the
// declared access is the outer fence.
export function renewalRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/agreements/:id/renewal', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => getRenewal(actorCtxOf(request), { agreementId: request.params.id }));
  api.post('/agreements/:id/renewal', { schema: { tags, params: idParam, body: RecordRenewalSchema }, config: { access: ['admin'] } }, async (request, reply) =>
    reply.status(201).send(await recordRenewal(actorCtxOf(request), { agreementId: request.params.id, ...request.body })),
  );
  api.get('/agreements/:id/extension-letter.docx', { schema: { tags, params: idParam }, config: { access: ['admin', 'tkksd'] } }, async (request, reply) =>
    sendFileDownload(reply, await draftExtensionLetter(actorCtxOf(request), { agreementId: request.params.id })),
  );
}
