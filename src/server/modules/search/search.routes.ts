import type { FastifyInstance } from 'fastify';

export function searchRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
