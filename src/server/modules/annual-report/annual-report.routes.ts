import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GenerateReportSchema, RecordSubmissionSchema, ReportFileQuerySchema, ReportViewQuerySchema, UpdateReportSettingsSchema, UpdateSectionSchema, VersionBodySchema } from '../../../shared/annual-report';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { finaliseStatutoryReport, generateStatutoryReport, recordReportSubmission, updateReportSection } from './annual-report-workflow.service';
import { downloadStatutoryReport, getReportSettings, getStatutoryReport, listStatutoryReports, updateReportSettings } from './annual-report.service';

const tags = ['statutory-reports'];
const IdParams = z.object({ id: z.uuid() });
const SectionParams = z.object({ id: z.uuid(), agreementId: z.uuid() });
const readers = ['admin', 'tkksd', 'pimpinan'] as const;
const writers = ['admin'] as const;

export function annualReportRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/statutory-reports', { schema: { tags }, config: { access: [...readers] } }, (request) => listStatutoryReports(actorCtxOf(request)));
  api.post(
    '/statutory-reports',
    {
      schema: { tags, body: GenerateReportSchema },
      config: { access: [...writers] },
    },
    async (request, reply) => {
      reply.code(202);
      return generateStatutoryReport(actorCtxOf(request), request.body);
    },
  );
  api.get('/statutory-reports/settings', { schema: { tags }, config: { access: [...readers] } }, (request) => getReportSettings(actorCtxOf(request)));
  api.put(
    '/statutory-reports/settings',
    {
      schema: { tags, body: UpdateReportSettingsSchema },
      config: { access: [...writers] },
    },
    (request) => updateReportSettings(actorCtxOf(request), request.body),
  );
  api.get('/statutory-reports/:id', { schema: { tags, params: IdParams, querystring: ReportViewQuerySchema }, config: { access: [...readers] } }, (request) =>
    getStatutoryReport(actorCtxOf(request), { ...request.query, ...request.params }),
  );
  api.put(
    '/statutory-reports/:id/sections/:agreementId',
    {
      schema: { tags, params: SectionParams, body: UpdateSectionSchema },
      config: { access: [...writers] },
    },
    (request) =>
      updateReportSection(actorCtxOf(request), {
        ...request.body,
        ...request.params,
      }),
  );
  api.post(
    '/statutory-reports/:id/finalise',
    {
      schema: { tags, params: IdParams, body: VersionBodySchema },
      config: { access: [...writers] },
    },
    (request) =>
      finaliseStatutoryReport(actorCtxOf(request), {
        ...request.body,
        ...request.params,
      }),
  );
  api.post(
    '/statutory-reports/:id/submission',
    {
      schema: { tags, params: IdParams, body: RecordSubmissionSchema },
      config: { access: [...writers] },
    },
    (request) =>
      recordReportSubmission(actorCtxOf(request), {
        ...request.body,
        ...request.params,
      }),
  );
  api.get(
    '/statutory-reports/:id/file',
    {
      schema: { tags, params: IdParams, querystring: ReportFileQuerySchema },
      config: { access: [...readers] },
    },
    async (request, reply) => {
      const file = await downloadStatutoryReport(actorCtxOf(request), {
        ...request.params,
        ...request.query,
      });
      return sendFileDownload(reply, {
        body: file.body,
        fileName: file.fileName,
        mimeType: file.mimeType,
      });
    },
  );
}
