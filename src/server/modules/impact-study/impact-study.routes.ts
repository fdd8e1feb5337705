import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SaveImpactDraftSchema } from '../../../shared/impact-study';
import { StatsQuerySchema } from '../../../shared/stats';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { REPORT_FORMATS } from '../../lib/report-document/report-document';
import { exportImpactStudy } from './impact-study-export.service';
import { getImpactStudy, resetImpactDraft, saveImpactDraft } from './impact-study.service';

const tags = ['impact-study'];
const readers = ['admin', 'tkksd', 'pimpinan'] as const;
const writers = ['admin', 'tkksd'] as const;
const formatParam = z.object({ format: z.enum(REPORT_FORMATS) });

export function impactStudyRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/impact-study', { schema: { tags, querystring: StatsQuerySchema }, config: { access: readers } }, (request) => getImpactStudy(actorCtxOf(request), request.query));
  api.put('/impact-study/draft', { schema: { tags, querystring: StatsQuerySchema, body: SaveImpactDraftSchema }, config: { access: writers } }, (request) =>
    saveImpactDraft(actorCtxOf(request), request.query, request.body),
  );
  api.delete('/impact-study/draft', { schema: { tags, querystring: StatsQuerySchema }, config: { access: writers } }, (request) => resetImpactDraft(actorCtxOf(request), request.query));
  api.get('/impact-study/export.:format', { schema: { tags, params: formatParam, querystring: StatsQuerySchema }, config: { access: readers } }, async (request, reply) => {
    const file = await exportImpactStudy(actorCtxOf(request), request.query, request.params.format);
    return sendFileDownload(reply, file);
  });
}
