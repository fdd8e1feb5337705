import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client';
import type { Env } from '../env';
import type { FileStore, StoredBody } from './file-store';
import { bufferBody, sendRanged } from './http-range';
import { buildCtx, type ActorCtx, type Ctx } from './context';
import { AppError } from './errors';

// What the routes need from the running app; tests build it with their own database and clock.
export type AppDeps = {
  database: Database;
  env: Env;
  files: FileStore;
  clock: () => Date;
};

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

// The one place a request's ctx is made: its database, actor and clock reading, mail settings and file store.
export function ctxOf(request: FastifyRequest): Ctx {
  const deps = request.server.deps;
  return buildCtx(deps, { db: deps.database.db, actor: request.actor, now: deps.clock() });
}

// 401 without a session; the caller then asks the module's policy for 403.
export function actorCtxOf(request: FastifyRequest): ActorCtx {
  const ctx = ctxOf(request);
  if (!ctx.actor) {
    throw new AppError({
      code: 'UNAUTHENTICATED',
      message: 'Silakan masuk terlebih dahulu.',
      messageEn: 'Please log in first.',
    });
  }
  return { ...ctx, actor: ctx.actor };
}

// Every stored or generated file goes out as an attachment, never inline: a PDF or image opened in
// the app's own origin could run its script there (see docs/decisions/0009-csrf.md, "Stored files").
// An <img> still shows an attachment; nosniff keeps the browser to the declared type.
// A stored file or bytes in memory answer Range requests (http-range.ts); a stream of unknown length
// (a report being generated) goes out whole.
export async function sendFileDownload(reply: FastifyReply, options: { body: Buffer | StoredBody | NodeJS.ReadableStream; fileName: string; mimeType: string }) {
  // RFC 6266: a plain ASCII fallback plus the UTF-8 name.
  const ascii = options.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  reply
    .header('content-type', options.mimeType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`)
    .header('x-content-type-options', 'nosniff');
  if (Buffer.isBuffer(options.body)) return sendRanged(reply, bufferBody(options.body));
  if ('open' in options.body && 'size' in options.body) return sendRanged(reply, options.body);
  return reply.send(options.body);
}
