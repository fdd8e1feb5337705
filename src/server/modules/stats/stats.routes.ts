import type { FastifyInstance } from 'fastify';
import { StatsQuerySchema } from '../../../shared/stats';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { exportStatsXlsx } from './stats-export.service';
import { getStats } from './stats.service';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsRoutes(app: FastifyInstance) {
  const api = typed(app);
  const tags = ['stats'];
  api.get('/stats', { schema: { tags, querystring: StatsQuerySchema }, config: { access: 'signed-in' } }, (request) => getStats(actorCtxOf(request), request.query));
  api.get('/stats/export', { schema: { tags, querystring: StatsQuerySchema }, config: { access: 'signed-in' } }, async (request, reply) => {
    const file = await exportStatsXlsx(actorCtxOf(request), request.query);
    return sendFileDownload(reply, { body: file.body, fileName: file.fileName, mimeType: XLSX_MIME });
  });
}
