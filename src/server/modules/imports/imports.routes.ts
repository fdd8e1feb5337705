import type { FastifyInstance } from 'fastify';

export function importsRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
