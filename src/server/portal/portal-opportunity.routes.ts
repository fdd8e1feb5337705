import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../lib/http';
import { recordOpportunityClick } from '../modules/dissemination/dissemination-public.service';
import { findShownOpportunity } from './portal-opportunities';
import { notFoundPage } from './portal-pages';
import type { PortalContext } from './portal.plugin';

// A click is a write: bounded per address, unlike the cached pages.
const clickLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const IdSchema = z.uuid();

function isWebAddress(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

// "Cara mendaftar": count the click (a number, nothing about who), then send the reader on: to the
// partner's own application page when the package gives one, else to the opportunity on its agreement's page.
export function registerOpportunityRoutes(app: FastifyInstance, portal: PortalContext) {
  app.get<{ Params: { id: string } }>('/peluang/:id/daftar', { config: clickLimit }, async (request, reply) => {
    const ctx = ctxOf(request);
    const id = IdSchema.safeParse(request.params.id);
    const opportunity = id.success ? await findShownOpportunity(ctx, id.data) : null;
    if (!opportunity || !(await recordOpportunityClick(ctx, opportunity.id))) {
      const page = notFoundPage(portal.site, request.url);
      return reply.status(404).header('content-type', 'text/html; charset=utf-8').send('body' in page ? page.body : '');
    }
    const target = isWebAddress(opportunity.applyUrl) ? opportunity.applyUrl : `/kerja-sama/${opportunity.slug}#peluang-${opportunity.id}`;
    return reply.header('cache-control', 'no-store').redirect(target, 302);
  });
}
