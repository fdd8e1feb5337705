import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from './portal-cache';
import type { Rendered } from './portal-pages';
import type { VisitCounter } from './portal-visits';
import type { Site } from './views/layout';

export const HTML = 'text/html; charset=utf-8';
// Public pages hold nothing personal: shared caches may keep them a minute.
const PAGE_CACHE_CONTROL = 'public, max-age=60';

type Produce = () => Promise<Rendered & { type?: string }>;

// rendering: pages under way, so that readers arriving together at a page not cached yet share one
// rendering instead of each querying the database.
export type PortalContext = { site: Site; cache: PageCache; visits: VisitCounter; rendering: Map<string, Promise<CachedPage | { redirect: string }>> };

async function renderOnce(portal: PortalContext, key: string, signature: string, produce: Produce): Promise<CachedPage | { redirect: string }> {
  const flightKey = `${signature}|${key}`;
  const { rendering } = portal;
  let flight = rendering.get(flightKey);
  if (!flight) {
    flight = produce()
      .then((rendered) => {
        if ('redirect' in rendered) return { redirect: rendered.redirect };
        // Encoded and compressed once: a cached answer is sent as the same bytes every time.
        const body = Buffer.from(rendered.body);
        const page: CachedPage = { status: rendered.status, body, gzipped: gzipSync(body), type: rendered.type ?? HTML, signature, ...(rendered.visit ? { visit: rendered.visit } : {}) };
        portal.cache.set(key, page);
        return page;
      })
      .finally(() => rendering.delete(flightKey));
    rendering.set(flightKey, flight);
  }
  return flight;
}

// One answer per address and publication state; see portal-cache.ts.
export async function serveCached(portal: PortalContext, request: FastifyRequest, reply: FastifyReply, produce: Produce) {
  const signature = await portal.cache.signature(request.server.deps.clock());
  const key = request.url;
  const page = portal.cache.get(key, signature) ?? (await renderOnce(portal, key, signature, produce));
  if ('redirect' in page) return reply.redirect(page.redirect, 301);
  if (page.visit) await portal.visits.record(page.visit.page, page.visit.id, request.server.deps.clock());
  reply.status(page.status).header('content-type', page.type).header('cache-control', PAGE_CACHE_CONTROL).header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(page.gzipped);
  return reply.send(page.body);
}

