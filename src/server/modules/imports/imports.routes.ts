import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ImportChoicesSchema, MAX_IMPORT_BYTES } from '../../../shared/imports';
import { AppError, forbidden } from '../../lib/errors';
import { actorCtxOf, typed } from '../../lib/http';
import { embeddedLimitOf } from '../agreements/register-size.service';
import { keepImportLease, waitForOwnImports } from './import-lease.service';
import { canImport } from './imports.policy';
import { confirmImport, getImportRun, listImportRuns, previewImport, progressRecorder, runImport } from './imports.service';

const idParam = z.object({ id: z.uuid() });
const tags = ['imports'];

function fileProblem(message: string, messageEn: string): AppError {
  return new AppError({ code: 'VALIDATION', message, messageEn, field: 'file', issues: [{ path: 'file', message }] });
}

async function receiveFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw fileProblem('Kirim berkas sebagai multipart/form-data dengan kolom "file".', 'Send the file as multipart/form-data in a "file" field.');
  const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') throw fileProblem('Kolom "file" berisi berkas CSV atau XLSX wajib diisi.', 'A CSV or XLSX file in the "file" field is required.');
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError({ code: 'PAYLOAD_TOO_LARGE', message: `Berkas impor paling besar ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, messageEn: `An import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, field: 'file' });
    }
    throw error;
  }
}

export function importsRoutes(app: FastifyInstance) {
  const api = typed(app);
  // Confirmed imports are written after the answer; closing the app waits for those this process
  // owns (the database says which, import-lease.service.ts).
  app.addHook('onClose', async (instance) => {
    await waitForOwnImports(instance.deps.database.db, instance.deps.clock);
  });

  api.get('/imports', { schema: { tags }, config: { access: ['admin'] } }, (request) => listImportRuns(actorCtxOf(request)));

  api.post('/imports', { schema: { tags }, config: { access: ['admin'] } }, async (request) => {
    const ctx = actorCtxOf(request);
    // Refused before the upload is read: only the division may send registry files.
    if (!canImport(ctx.actor)) throw forbidden();
    const { database, env } = request.server.deps;
    return previewImport(ctx, await receiveFile(request), { embeddedLimit: embeddedLimitOf(database, env) });
  });

  // The body (optional) maps new OPD and partner names to existing ones; left out, they are created.
  api.post('/imports/:id/confirm', { schema: { tags, params: idParam, body: ImportChoicesSchema.nullish() }, config: { access: ['admin'] } }, async (request, reply) => {
    const ctx = actorCtxOf(request);
    const run = await confirmImport(ctx, { runId: request.params.id, choices: request.body ?? undefined });
    const { database, clock } = request.server.deps;
    const stopLease = keepImportLease({ db: database.db, runId: run.id, clock });
    void runImport(ctx, { runId: run.id, onProgress: progressRecorder(database, run.id) })
      .catch((error: unknown) => request.log.error({ err: error, importRun: run.id }, 'import failed'))
      .finally(stopLease);
    return reply.status(202).send({ id: run.id });
  });

  api.get('/imports/:id', { schema: { tags, params: idParam }, config: { access: ['admin'] } }, (request) => getImportRun(actorCtxOf(request), { runId: request.params.id }));
}
