import type { FastifyInstance } from 'fastify';

export function statsRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
