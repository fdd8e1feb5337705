import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf } from '../lib/http';
import { allPortalAgreements } from './portal-agreements';
import { ASSET_PREFIX, loadPortalAssets } from './portal-assets';
import { createPageCache } from './portal-cache';
import { HTML, serveCached, type PortalContext } from './portal-serve';
import { registerOpenDataRoutes } from './portal-open-data.routes';
import { createVisitCounter } from './portal-visits';
import { agreementEntry, atomFeed, robots, sitemap } from './feed';
import {
  agreementPage,
  agreementsPage,
  confirmPage,
  evaluationPage,
  guidePage,
  homePage,
  notFoundPage,
  opportunitiesPage,
  proposalPage,
  trackPage,
} from './portal-pages';
import { registerOpportunityRoutes } from './portal-opportunity.routes';
import { registerProposalPost } from './portal-proposal-post';
import type { Site } from './views/layout';

export type { PortalContext } from './portal-serve';

// The portal of each running app, for the 404 page answered outside the plugin.
const portals = new WeakMap<object, PortalContext>();

function registerAssets(app: FastifyInstance): (name: string) => string {
  const assets = loadPortalAssets();
  app.get<{ Params: { hash: string; name: string } }>(`${ASSET_PREFIX}/:hash/:name`, (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset || asset.url !== request.url) return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Tidak ditemukan.');
    // The address changes with the content, so a year is safe.
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
    return reply.send(asset.body);
  });
  return (name) => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`portal asset ${name} is missing`);
    return asset.url;
  };
}

function registerDataRoutes(app: FastifyInstance, portal: PortalContext) {
  const { site } = portal;
  app.get('/feed.xml', (request, reply) =>
    serveCached(portal, request, reply, async () => {
      const items = await allPortalAgreements(ctxOf(request), 50);
      return { status: 200, type: 'application/atom+xml; charset=utf-8', body: atomFeed(items.map(agreementEntry), site.publicUrl) };
    }),
  );
  app.get('/robots.txt', (_request, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send(robots(site.publicUrl)));
  app.get('/sitemap.xml', (request, reply) =>
    serveCached(portal, request, reply, async () => {
      const items = await allPortalAgreements(ctxOf(request));
      const fixed = ['/', '/kerja-sama', '/peluang', '/usulan', '/data', ...['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'].map((kind) => `/usulan/panduan/${kind}`)];
      return { status: 200, type: 'application/xml; charset=utf-8', body: sitemap([...fixed, ...items.map((item) => agreementEntry(item).path)], site.publicUrl) };
    }),
  );
}

// The public portal at the site's root: server-rendered pages, open data, feed. /app and /api are not touched.
export async function portalPlugin(app: FastifyInstance) {
  const { env, database } = app.deps;
  const site: Site = { publicUrl: env.JALIN_PUBLIC_URL.replace(/\/+$/, ''), asset: registerAssets(app) };
  // Tests read their own writes at once; a running portal checks for changes once a second.
  const cache = createPageCache(database.db, env.NODE_ENV === 'test' ? 0 : 1000);
  const visits = createVisitCounter(database.db, env.NODE_ENV === 'test' ? 0 : 5000);
  const portal: PortalContext = { site, cache, visits, rendering: new Map() };
  portals.set(app.deps, portal);
  app.addHook('onClose', async () => visits.flush());

  app.get('/', (request, reply) => serveCached(portal, request, reply, () => homePage(ctxOf(request), site)));
  app.get('/kerja-sama', (request, reply) => serveCached(portal, request, reply, () => agreementsPage(ctxOf(request), site, request.query)));
  app.get<{ Params: { slug: string } }>('/kerja-sama/:slug', (request, reply) =>
    serveCached(portal, request, reply, () => agreementPage(ctxOf(request), site, request.params.slug)),
  );
  app.get('/peluang', (request, reply) => serveCached(portal, request, reply, () => opportunitiesPage(ctxOf(request), site, request.query)));
  app.get('/usulan', (request, reply) => serveCached(portal, request, reply, () => proposalPage(ctxOf(request), site)));
  app.get<{ Params: { kind: string } }>('/usulan/panduan/:kind', (request, reply) =>
    serveCached(portal, request, reply, () => guidePage(ctxOf(request), site, request.params.kind)),
  );
  app.get('/usulan/konfirmasi', (request, reply) => serveCached(portal, request, reply, async () => confirmPage(site)));
  app.get('/usulan/lacak', (request, reply) => serveCached(portal, request, reply, async () => trackPage(site)));
  app.get('/penilaian', (request, reply) => serveCached(portal, request, reply, async () => evaluationPage(site)));
  registerDataRoutes(app, portal);
  registerOpenDataRoutes(app, portal);
  registerOpportunityRoutes(app, portal);
  registerProposalPost(app, portal);
}

// The HTML 404 for any other address outside /api and /app.
export function sendPortalNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  const portal = portals.get(request.server.deps);
  if (!portal) return null;
  const page = notFoundPage(portal.site, request.url.split('?')[0] ?? '/');
  return reply.status(404).header('content-type', HTML).send('body' in page ? page.body : '');
}
