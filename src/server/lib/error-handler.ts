import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody } from '../../shared/api-error';
import { AppError } from './errors';
import { inputErrorOf } from './input-errors';

function body(error: AppError, requestId: string): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      messageEn: error.messageEn,
      ...(error.field ? { field: error.field } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
      requestId,
    },
  };
}

// Every error leaves as { error: { code, message, messageEn, field?, issues?, details?, requestId } }.
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(body(error, request.id));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => {
      const zodPath = (issue.params.issue as { path?: PropertyKey[] } | undefined)?.path ?? [];
      const where = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || zodPath.map(String).join('.');
      return { path: where || error.validationContext || 'body', message: issue.message ?? 'tidak valid' };
    });
    const first = issues[0];
    const appError = new AppError({
      code: 'VALIDATION',
      message: `Isian tidak valid: ${issues.map((issue) => `${issue.path} (${issue.message})`).join('; ')}`,
      messageEn: `Invalid input: ${issues.map((issue) => `${issue.path} (${issue.message})`).join('; ')}`,
      ...(first ? { field: first.path } : {}),
      issues,
    });
    return reply.status(400).send(body(appError, request.id));
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply.status(413).send(
      body(new AppError({ code: 'PAYLOAD_TOO_LARGE', message: 'Berkas atau data terlalu besar.', messageEn: 'File or payload too large.' }), request.id),
    );
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.status(400).send(
      body(new AppError({ code: 'VALIDATION', message: 'Badan permintaan bukan JSON yang sah.', messageEn: 'The request body is not valid JSON.', field: 'body' }), request.id),
    );
  }
  if (status === 415) {
    return reply.status(415).send(
      body(new AppError({ code: 'UNSUPPORTED_MEDIA', message: 'Jenis isi permintaan tidak didukung.', messageEn: 'Unsupported content type.' }), request.id),
    );
  }
  if (status === 429) {
    return reply.status(429).send(
      body(new AppError({ code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak permintaan. Coba lagi nanti.', messageEn: 'Too many requests. Try again later.' }), request.id),
    );
  }
  if (status >= 400 && status < 500) {
    return reply.status(status).send(
      body(new AppError({ code: 'VALIDATION', message: `Permintaan tidak valid: ${fastifyError.message}`, messageEn: `Bad request: ${fastifyError.message}` }), request.id),
    );
  }
  const refused = inputErrorOf(error, request);
  if (refused) return reply.status(400).send(body(refused, request.id));
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(
    body(new AppError({ code: 'INTERNAL', message: 'Terjadi kesalahan pada server.', messageEn: 'Internal server error.' }), request.id),
  );
}
