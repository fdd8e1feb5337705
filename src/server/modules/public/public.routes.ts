import type { FastifyInstance } from 'fastify';

export function publicRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
