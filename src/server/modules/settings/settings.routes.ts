import type { FastifyInstance } from 'fastify';

export function settingsRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
