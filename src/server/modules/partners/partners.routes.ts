import type { FastifyInstance } from 'fastify';

export function partnersRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
