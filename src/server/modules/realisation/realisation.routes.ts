import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateReportSchema, ReportListQuerySchema, ReportStepSchema, ReturnReportSchema, UpdateReportSchema } from '../../../shared/realisation';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { receiveUpload } from '../../lib/multipart';
import { addEvidence, prepareEvidenceUpload, readEvidence, removeEvidence } from './realisation-evidence.service';
import { createReport, getReport, listPlanReports, listReports, returnReport, submitReport, updateReport, verifyReport } from './realisation.service';

const idParam = z.object({ id: z.uuid() });
const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
const tags = ['realisation'];

// Whose plan a report belongs to decides who reads and writes it (the policy); the declared access
// is the outer fence.
export function realisationRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/plans/:id/reports', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => listPlanReports(actorCtxOf(request), { planId: request.params.id }));
  api.post('/plans/:id/reports', { schema: { tags, params: idParam, body: CreateReportSchema }, config: { access: ['admin', 'opd'] } }, async (request, reply) =>
    reply.status(201).send(await createReport(actorCtxOf(request), { planId: request.params.id, ...request.body })),
  );
  api.get('/reports', { schema: { tags, querystring: ReportListQuerySchema }, config: { access: 'signed-in' } }, (request) => listReports(actorCtxOf(request), request.query));
  api.get('/reports/:id', { schema: { tags, params: idParam }, config: { access: 'signed-in' } }, (request) => getReport(actorCtxOf(request), { reportId: request.params.id }));
  api.put('/reports/:id', { schema: { tags, params: idParam, body: UpdateReportSchema }, config: { access: ['admin', 'opd'] } }, (request) =>
    updateReport(actorCtxOf(request), { reportId: request.params.id, ...request.body }),
  );
  api.post('/reports/:id/submit', { schema: { tags, params: idParam, body: ReportStepSchema }, config: { access: ['admin', 'opd'] } }, (request) =>
    submitReport(actorCtxOf(request), { reportId: request.params.id, ...request.body }),
  );
  api.post('/reports/:id/verify', { schema: { tags, params: idParam, body: ReportStepSchema }, config: { access: ['admin'] } }, (request) =>
    verifyReport(actorCtxOf(request), { reportId: request.params.id, ...request.body }),
  );
  api.post('/reports/:id/return', { schema: { tags, params: idParam, body: ReturnReportSchema }, config: { access: ['admin'] } }, (request) =>
    returnReport(actorCtxOf(request), { reportId: request.params.id, ...request.body }),
  );
  // multipart/form-data: file (PDF, JPEG or PNG, checked by content), kind.
  api.post('/reports/:id/evidence', { schema: { tags, params: idParam, consumes: ['multipart/form-data'] }, config: { access: ['admin', 'opd'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    const limit = await prepareEvidenceUpload(ctx, { reportId: request.params.id });
    const upload = await receiveUpload(request, limit);
    return reply.status(201).send(await addEvidence(ctx, { reportId: request.params.id, upload }));
  });
  api.get('/reports/:id/evidence/:evidenceId', { schema: { tags, params: evidenceParams }, config: { access: 'signed-in' } }, async (request, reply) =>
    sendFileDownload(reply, await readEvidence(actorCtxOf(request), { reportId: request.params.id, evidenceId: request.params.evidenceId })),
  );
  api.delete('/reports/:id/evidence/:evidenceId', { schema: { tags, params: evidenceParams }, config: { access: ['admin', 'opd'] } }, async (request, reply) => {
    await removeEvidence(actorCtxOf(request), { reportId: request.params.id, evidenceId: request.params.evidenceId });
    return reply.status(204).send();
  });
}
