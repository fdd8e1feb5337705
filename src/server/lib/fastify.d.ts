import type { SessionUser } from '../../shared/roles';
import type { DeclaredRoute } from './access';
import type { AppDeps } from './http';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    // The /api routes with their declared access, collected as they are registered.
    apiRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    actor: SessionUser | null;
    sessionToken: string | null;
  }
}
