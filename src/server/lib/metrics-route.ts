import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { createMetrics, type AppMetrics } from './metrics';
import type pg from 'pg';

// What nginx logs for a request whose client closed the connection before the answer.
const CLIENT_CLOSED_REQUEST = 499;

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
  // A request whose client went away before the answer is counted too, once, as status 499:
  // otherwise the count falls short of what clients sent by the requests
  // under way whenever a client closes its connections.
  const abandoned = new WeakSet<FastifyRequest>();
  const startedAt = new WeakMap<FastifyRequest, number>();
  const observe = (request: FastifyRequest, status: number, milliseconds: number) => {
    metrics.observeRequest({
      method: request.method,
      // A request no route matched (404s of random addresses) shares one label.
      route: request.routeOptions.url ?? '(unmatched)',
      status,
      seconds: milliseconds / 1000,
    });
  };
  app.addHook('onRequest', async (request) => {
    startedAt.set(request, performance.now());
  });
  app.addHook('onRequestAbort', async (request) => {
    abandoned.add(request);
    observe(request, CLIENT_CLOSED_REQUEST, performance.now() - (startedAt.get(request) ?? performance.now()));
  });
  app.addHook('onResponse', async (request, reply) => {
    if (abandoned.has(request)) return;
    observe(request, reply.statusCode, reply.elapsedTime);
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
