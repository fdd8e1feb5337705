import type { FastifyInstance } from 'fastify';
import type { PortalContext } from './portal.plugin';

export function registerOpportunityRoutes(_app: FastifyInstance, _portal: PortalContext) {}
