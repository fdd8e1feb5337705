import type { SessionUser } from '../../shared/roles';
import type { DeclaredRoute } from './access';
import type { AppDeps } from './http';
import type { AppMetrics } from './metrics';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    // The /api routes with their declared access, collected as they are registered.
    apiRoutes: DeclaredRoute[];
    // This app's Prometheus metrics; null when JALIN_METRICS_TOKEN is unset (lib/metrics-route.ts).
    metrics: AppMetrics | null;
  }
  interface FastifyRequest {
    actor: SessionUser | null;
    sessionToken: string | null;
  }
}
