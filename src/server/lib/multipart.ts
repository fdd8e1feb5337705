import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

// HTTP plumbing shared by every route that takes a file (agreement documents, proposal documents,
// event photos): what a multipart body holds once read, and the size refusal both the stream and the
// services' own checks answer with.

export type ReceivedUpload = {
  fields: Record<string, string>;
  file: { fileName: string | undefined; bytes: Buffer } | null;
};

export type UploadLimit = { limitBytes: number; limitMb: number };

export function tooLarge(limitMb: number): AppError {
  return new AppError({
    code: 'PAYLOAD_TOO_LARGE',
    message: `Berkas melebihi batas unggah ${limitMb} MB.`,
    messageEn: `The file exceeds the upload limit of ${limitMb} MB.`,
    field: 'file',
    details: { limitMb },
  });
}

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

// One file and the text fields in whatever order they come, each part handed to onPart as it
// arrives; the size limit is enforced while streaming, so an oversized upload is cut off.
export async function receiveParts(request: FastifyRequest, limit: UploadLimit, onPart: (part: Multipart) => Promise<void>): Promise<void> {
  if (!request.isMultipart()) throw notMultipart();
  try {
    for await (const part of request.parts({ limits: { fileSize: limit.limitBytes, files: 1, fields: 20 } })) await onPart(part);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limit.limitMb);
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError({ code: 'VALIDATION', message: 'Unggah satu berkas saja per permintaan.', messageEn: 'Upload one file per request.', field: 'file' });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notMultipart();
    throw error;
  }
}

// The upload held in memory, for the routes whose services take bytes (multipart-spool.ts streams
// it to a temporary file instead).
export async function receiveUpload(request: FastifyRequest, limit: UploadLimit): Promise<ReceivedUpload> {
  const upload: ReceivedUpload = { fields: {}, file: null };
  await receiveParts(request, limit, async (part) => {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') upload.file = { fileName: part.filename, bytes };
    } else if (typeof part.value === 'string') {
      upload.fields[part.fieldname] = part.value;
    }
  });
  return upload;
}

export type ReceivedFiles = { fileName: string; bytes: Buffer }[];

// Several files (bulk intake): each under the per-file limit, all together under the total, both
// enforced while streaming. The field names do not matter: every file part is taken.
export async function receiveUploads(request: FastifyRequest, limit: UploadLimit & { totalLimitMb: number; maxFiles: number }): Promise<ReceivedFiles> {
  if (!request.isMultipart()) throw notMultipart();
  const files: ReceivedFiles = [];
  let total = 0;
  try {
    for await (const part of request.parts({ limits: { fileSize: limit.limitBytes, files: limit.maxFiles, fields: 20 } })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > limit.totalLimitMb * 1024 * 1024) throw tooLarge(limit.totalLimitMb);
      files.push({ fileName: part.filename, bytes });
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limit.limitMb);
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError({ code: 'VALIDATION', message: `Paling banyak ${String(limit.maxFiles)} berkas per unggahan.`, messageEn: `At most ${String(limit.maxFiles)} files per upload.`, field: 'files' });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notMultipart();
    throw error;
  }
  return files;
}
