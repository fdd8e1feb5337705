import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

// Errors raised by input the schemas let through, turned into a 400 instead of a 500. The
// message never repeats the SQL or the driver's text, which can carry other rows' values.

type WithCode = { code?: unknown; cause?: unknown };

// PostgreSQL class 22 "data exception": invalid text representation (22P02), NUL or an
// untranslatable character (22P05, 22021), a number or date out of range (22003, 22008, 22007),
// a value too long (22001) … each means the value sent cannot be stored or compared.
function dataExceptionCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as WithCode;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return code;
    current = cause;
  }
  return null;
}

// What busboy (behind @fastify/multipart) throws for a body that is not the multipart it claims.
const BROKEN_MULTIPART = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /unexpected end of multipart data$/i,
  /^Unsupported Content-Type\.$/,
  /^The needle cannot/,
  /^Malformed/,
];
const MULTIPART_CODES = new Set(['FST_MP_PREMATURE_CLOSE', 'FST_PROTO_VIOLATION', 'FST_INVALID_JSON_FIELD_ERROR']);

function isBrokenMultipart(error: Error, request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/')) return false;
  const { code } = error as WithCode;
  if (typeof code === 'string' && MULTIPART_CODES.has(code)) return true;
  return BROKEN_MULTIPART.some((pattern) => pattern.test(error.message));
}

export function inputErrorOf(error: Error, request: FastifyRequest): AppError | null {
  if (isBrokenMultipart(error, request)) {
    return new AppError({
      code: 'VALIDATION',
      message: 'Isi multipart/form-data rusak atau terpotong. Kirim ulang berkasnya.',
      messageEn: 'The multipart/form-data body is malformed or cut short. Send the file again.',
      field: 'body',
      issues: [{ path: 'body', message: 'multipart rusak / malformed multipart' }],
    });
  }
  const code = dataExceptionCode(error);
  if (code) {
    request.log.warn({ pgCode: code, url: request.url }, 'input refused by the database');
    return new AppError({
      code: 'VALIDATION',
      message: 'Isian berisi nilai yang tidak dapat disimpan (karakter, angka atau tanggal di luar batas).',
      messageEn: 'The input holds a value that cannot be stored (a character, number or date out of range).',
      details: { pgCode: code },
    });
  }
  return null;
}
