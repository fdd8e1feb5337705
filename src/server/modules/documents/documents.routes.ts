import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DocumentFileQuerySchema } from '../../../shared/documents';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { receiveUploadToFile } from '../../lib/multipart-spool';
import { deleteDocument, listAgreementDocuments, openDocumentFile, prepareUpload, uploadDocument } from './documents.service';
import { retryOcr } from './ocr-jobs.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['documents'];

export function documentsRoutes(app: FastifyInstance) {
  const api = typed(app);

  // multipart/form-data: file (PDF), kind, isPublic?
  api.post('/agreements/:id/documents', { schema: { tags, params: idParam, consumes: ['multipart/form-data'] }, config: { access: ['admin'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    const limit = await prepareUpload(ctx, request.params.id);
    const upload = await receiveUploadToFile(request, limit);
    try {
      return await reply.status(201).send(await uploadDocument(ctx, { agreementId: request.params.id, upload }));
    } finally {
      await upload.dispose();
    }
  });

  api.get('/agreements/:id/documents', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) =>
    listAgreementDocuments(actorCtxOf(request), request.params.id),
  );

  api.get('/documents/:id/file', { schema: { tags, params: idParam, querystring: DocumentFileQuerySchema }, config: { access: 'signed-in' } }, async (request, reply) => {
    const file = await openDocumentFile(actorCtxOf(request), { documentId: request.params.id, isSearchableCopy: request.query.variant === 'ocr' });
    return sendFileDownload(reply, file);
  });

  // A failed OCR tried again from the start.
  api.post('/documents/:id/ocr', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, async (request, reply) => {
    await retryOcr(actorCtxOf(request), request.params.id);
    return reply.status(204).send();
  });

  api.delete('/documents/:id', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, async (request, reply) => {
    await deleteDocument(actorCtxOf(request), request.params.id);
    return reply.status(204).send();
  });
}
