import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { declaredAccessOf, enforceRouteAccess, type DeclaredRoute } from './lib/access';
import { csrfGuard } from './lib/csrf';
import { handleError } from './lib/error-handler';
import { AppError } from './lib/errors';
import { rejectUnstorableInput } from './lib/input-guard';
import { registerMetrics } from './lib/metrics-route';
import { requestIdOf, sendRequestId } from './lib/request-id';
import type { AppDeps } from './lib/http';
import { WEB_DIR } from './lib/paths';
import { MAX_UPLOAD_BYTES_CEILING } from '../shared/limits';
import { registerModules, resolveSessionActor } from './modules/routes';
import { configureOcrTools } from './modules/documents/ocr-jobs.service';
import { databaseRateLimitStore } from './modules/rate-limit/rate-limit.service';
import { portalPlugin, sendPortalNotFound } from './portal/portal.plugin';

// Vite puts a hash of each file's content in its name under assets/: such a file never changes, so
// browsers keep it a year without asking. index.html (and anything else) names the current hashes,
// so it is checked with the server every time.
function webCacheControl(file: string, webDir: string): string {
  const relative = path.relative(webDir, file).split(path.sep);
  return relative[0] === 'assets' && relative.length === 2 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

// Builds the whole HTTP app without listening, so tests drive it with app.inject().
// `logStream` takes the log lines instead of stdout (tests read them).
export async function buildApp(deps: AppDeps, options: { logger?: boolean; webDir?: string; logStream?: { write: (line: string) => void } } = {}): Promise<FastifyInstance> {
  const webDir = options.webDir ?? WEB_DIR;
  // Which OCR programs this server runs (a document says when they are missing).
  configureOcrTools({ ocrmypdf: deps.env.JALIN_OCRMYPDF, tesseract: deps.env.JALIN_TESSERACT });
  const app = Fastify({
    logger: options.logger === false || deps.env.LOG_LEVEL === 'silent' ? false : {
      level: deps.env.LOG_LEVEL,
      // Never write credentials or session cookies to the log.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: 2 * 1024 * 1024,
    // Trusting X-Forwarded-For without a proxy in front would let anyone dodge per-address limits.
    trustProxy: deps.env.JALIN_TRUST_PROXY,
    // Each request's id, logged with each of its lines and sent back in X-Request-Id (lib/request-id.ts).
    genReqId: requestIdOf,
  });
  app.addHook('onRequest', sendRequestId);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Prometheus metrics at /metrics, before any route so every route is counted (off without a token).
  app.decorate('metrics', registerMetrics(app, { token: deps.env.JALIN_METRICS_TOKEN, pool: deps.database.pool }));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'"],
        objectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Counters in the database, so several processes share one limit (docs/decisions/0036-operations.md).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database.db) });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES_CEILING, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Jalin API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Every /api route declares who may call it (lib/access.ts); the gate runs once the session is known.
  app.decorate('apiRoutes', [] as DeclaredRoute[]);
  app.addHook('onRoute', (route) => {
    const declared = declaredAccessOf(route);
    if (declared) app.apiRoutes.push(declared);
  });
  app.addHook('onRequest', csrfGuard(deps.env));
  app.addHook('onRequest', resolveSessionActor);
  app.addHook('onRequest', enforceRouteAccess);
  app.addHook('preValidation', rejectUnstorableInput);
  await app.register(registerModules, { prefix: '/api' });

  // The staff app is a built SPA under /app; the root is kept for the public portal.
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/app/',
      // Files are looked up per request, so a rebuilt bundle is served without a restart.
      wildcard: true,
      index: 'index.html',
      // The build writes each file brotli- and gzip-compressed beside it (scripts/build.mjs); the
      // smallest one the browser accepts is sent, the plain file otherwise.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => void reply.header('cache-control', webCacheControl(file, webDir)),
    });
  }
  // The public portal at the root: server-rendered pages, feed and open data.
  await app.register(portalPlugin);
  app.setNotFoundHandler((request, reply) => {
    // A missing bundle file is a 404, not the app shell; every other /app path belongs to the SPA.
    const isApp = (request.url === '/app' || request.url.startsWith('/app/')) && !request.url.startsWith('/app/assets/');
    if (isApp && request.method === 'GET' && existsSync(path.join(webDir, 'index.html'))) {
      // The SPA owns every /app/... path.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    // Outside /api and /app a person is browsing the portal: an HTML page, not JSON.
    if (!request.url.startsWith('/app') && !request.url.startsWith('/api/') && request.method === 'GET') {
      const sent = sendPortalNotFound(request, reply);
      if (sent) return sent;
    }
    throw new AppError({ code: 'NOT_FOUND', message: 'Alamat tidak ditemukan.', messageEn: 'Route not found.' });
  });
  return app;
}
