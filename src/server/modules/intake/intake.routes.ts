import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorCtxOf, typed } from '../../lib/http';
import { receiveUploads } from '../../lib/multipart';
import { acceptAgreeingFiles, acceptIntakeFile, rejectIntakeFile } from './intake-accept.service';
import { registerFromScan } from './intake-register.service';
import { createIntakeBatch, getIntakeBatch, intakeUploadLimits, listIntakeBatches } from './intake.service';

const idParam = z.object({ id: z.uuid() });
const batchParam = z.object({ batchId: z.uuid() });
const tags = ['intake'];
const access = { access: ['admin'] as const };
const MB = 1024 * 1024;
// Files of one multipart request; a ZIP counts as one however many scans it holds.
const MAX_FILES = 200;

export function intakeRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get('/intake', { schema: { tags }, config: access }, (request) => listIntakeBatches(actorCtxOf(request)));

  api.post('/intake', { schema: { tags }, config: access }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    // Refused before the body is read: the limits are the division's settings.
    const limits = await intakeUploadLimits(ctx);
    const files = await receiveUploads(request, { limitBytes: limits.fileLimitMb * MB, limitMb: limits.fileLimitMb, totalLimitMb: limits.totalLimitMb, maxFiles: MAX_FILES });
    return reply.status(201).send(await createIntakeBatch(ctx, { uploads: files.map((file) => ({ name: file.fileName, bytes: file.bytes })) }));
  });

  api.get('/intake/:batchId', { schema: { tags, params: batchParam }, config: access }, (request) => getIntakeBatch(actorCtxOf(request), { batchId: request.params.batchId }));

  api.post('/intake/files/:id/accept', { schema: { tags, params: idParam }, config: access }, (request) =>
    acceptIntakeFile(actorCtxOf(request), { fileId: request.params.id, body: request.body ?? {} }),
  );

  // A new agreement from the "Kerja sama baru" form prefilled from this scan; the body is that of POST /agreements.
  api.post('/intake/files/:id/register', { schema: { tags, params: idParam }, config: access }, async (request, reply) =>
    reply.status(201).send(await registerFromScan(actorCtxOf(request), { fileId: request.params.id, body: request.body ?? {} })),
  );

  api.post('/intake/accept-agreeing/:batchId', { schema: { tags, params: batchParam }, config: access }, (request) =>
    acceptAgreeingFiles(actorCtxOf(request), { batchId: request.params.batchId }),
  );

  api.post('/intake/files/:id/reject', { schema: { tags, params: idParam }, config: access }, async (request, reply) => {
    await rejectIntakeFile(actorCtxOf(request), { fileId: request.params.id });
    return reply.status(204).send();
  });
}
