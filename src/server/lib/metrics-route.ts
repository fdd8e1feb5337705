import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { createMetrics, type AppMetrics } from './metrics';
import type pg from 'pg';

// Compared as SHA-256 digests: equal lengths for timingSafeEqual, and the time taken says nothing
// about how much of the token was right.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function hasToken(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  // No header compares as the empty token, which never matches (the setting is 24 characters or more).
  return timingSafeEqual(digest(match?.[1] ?? ''), expected);
}

// GET /metrics at the root (for Prometheus, outside /api and its sessions), protected by its own
// bearer token: JALIN_METRICS_TOKEN. Unset, there are no metrics at all and /metrics is a 404.
// Returns the app's metrics, or null when they are off.
export function registerMetrics(app: FastifyInstance, options: { token: string | undefined; pool: pg.Pool | undefined }): AppMetrics | null {
  if (!options.token) return null;
  const expected = digest(options.token);
  const metrics = createMetrics({ pool: options.pool });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest({
      method: request.method,
      // A request no route matched (404s of random addresses) shares one label.
      route: request.routeOptions.url ?? '(unmatched)',
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!hasToken(request, expected)) {
      void reply.header('www-authenticate', 'Bearer');
      throw new AppError({ code: 'UNAUTHENTICATED', message: 'Token metrik salah atau tidak ada.', messageEn: 'The metrics token is missing or wrong.' });
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return metrics;
}
