import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors';
import { tooLarge, type ReceivedUpload } from './documents.service';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function notMultipart(): AppError {
  return new AppError({
    code: 'UNSUPPORTED_MEDIA',
    message: 'Kirim berkas sebagai multipart/form-data dengan kolom "file".',
    messageEn: 'Send the file as multipart/form-data in a "file" field.',
    field: 'file',
  });
}

// Reads the one file and the text fields in whatever order they come; the size limit is enforced
// while streaming, so an oversized upload is cut off instead of being held in memory.
export async function receiveUpload(request: FastifyRequest, limit: { limitBytes: number; limitMb: number }): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw notMultipart();
  const upload: ReceivedUpload = { fields: {}, file: null };
  try {
    for await (const part of request.parts({ limits: { fileSize: limit.limitBytes, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') upload.file = { fileName: part.filename, bytes };
      } else if (typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limit.limitMb);
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError({ code: 'VALIDATION', message: 'Unggah satu berkas saja per permintaan.', messageEn: 'Upload one file per request.', field: 'file' });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notMultipart();
    throw error;
  }
  return upload;
}
