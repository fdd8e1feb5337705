import type { SessionUser } from '../../shared/roles';
import type { AppDeps } from './http';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: SessionUser | null;
    sessionToken: string | null;
  }
}
