import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes';
import { healthRoutes } from './health/health.routes';
import { masterRoutes } from './master/master.routes';
import { usersRoutes } from './users/users.routes';

// Every module's routes, mounted under /api. A module adds one line here.
export async function registerModules(app: FastifyInstance) {
  healthRoutes(app);
  authRoutes(app);
  usersRoutes(app);
  masterRoutes(app);
}
