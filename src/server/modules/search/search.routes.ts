import type { FastifyInstance } from 'fastify';
import { ExportQuerySchema, SearchQuerySchema } from '../../../shared/search';
import { actorCtxOf, sendFileDownload, typed } from '../../lib/http';
import { exportAgreements } from './search-export.service';
import { searchAgreements } from './search.service';

const tags = ['search'];

export function searchRoutes(app: FastifyInstance) {
  const api = typed(app);

  // The registry list: ?q=&year=&docType=&kind=&partnerGroup=&partnerCategory=&sector=&unit=&status=&sort=&page=&pageSize=
  api.get('/agreements', { schema: { tags, querystring: SearchQuerySchema }, config: { access: 'signed-in' } }, (request) => searchAgreements(actorCtxOf(request), request.query));

  // The same filters, every matching row: ?format=xlsx|csv
  api.get('/agreements/export', { schema: { tags, querystring: ExportQuerySchema }, config: { access: 'signed-in' } }, async (request, reply) => {
    const file = await exportAgreements(actorCtxOf(request), request.query);
    return sendFileDownload(reply, file);
  });
}
