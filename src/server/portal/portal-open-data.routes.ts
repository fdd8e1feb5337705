import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../lib/http';
import { toCsv } from './open-data';
import { buildCatalog, CATALOG_PATH } from './open-data-catalog';
import { DATASETS, type DatasetSpec } from './open-data-datasets';
import { dataPage } from './portal-pages';
import { serveCached, type PortalContext } from './portal-serve';

// /data, each dataset as CSV and JSON, and the catalogue, all cached like the pages: every part of
// the data behind them is in the cache's signature (portal-cache.ts).
function registerDataset(app: FastifyInstance, portal: PortalContext, spec: DatasetSpec) {
  const { site } = portal;
  app.get(`/data/${spec.slug}.csv`, async (request, reply) => {
    reply.header('content-disposition', `attachment; filename="${spec.slug}-kota-ternate.csv"`);
    return serveCached(portal, request, reply, async () => {
      const { rows } = await spec.load(ctxOf(request), site);
      return { status: 200, type: 'text/csv; charset=utf-8', body: toCsv(rows, spec.columns) };
    });
  });
  app.get(`/data/${spec.slug}.json`, async (request, reply) => {
    reply.header('content-disposition', `attachment; filename="${spec.slug}-kota-ternate.json"`);
    return serveCached(portal, request, reply, async () => {
      const ctx = ctxOf(request);
      const { rows, modified } = await spec.load(ctx, site);
      const body = { diperbarui: (modified ?? ctx.now).toISOString(), jumlah: rows.length, kolom: spec.columns, data: rows };
      return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(body) };
    });
  });
}

export function registerOpenDataRoutes(app: FastifyInstance, portal: PortalContext) {
  app.get('/data', (request, reply) => serveCached(portal, request, reply, async () => dataPage(portal.site)));
  for (const spec of DATASETS) registerDataset(app, portal, spec);
  app.get(CATALOG_PATH, (request, reply) =>
    serveCached(portal, request, reply, async () => {
      const catalog = await buildCatalog(ctxOf(request), portal.site);
      return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(catalog) };
    }),
  );
}
