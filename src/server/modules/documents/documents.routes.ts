import type { FastifyInstance } from 'fastify';

export function documentsRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
