import type { FastifyInstance } from 'fastify';

export function agreementsRoutes(_app: FastifyInstance) {
  // Routes of this module are registered here.
}
