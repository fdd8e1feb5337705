import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { receiveParts, tooLarge, type UploadLimit } from './multipart';

// An upload written to a temporary file as it arrives, never held whole in memory: counted (the
// limit) and hashed on the way, so a service can judge it by its first bytes and move it into the
// store by stream. The caller disposes of it once the request is answered.
export type SpooledFile = {
  fileName: string | undefined;
  path: string;
  sizeBytes: number;
  sha256: string;
  // The first bytes, for sniffing the content (file-content.ts looks at the first kilobyte).
  head: () => Promise<Buffer>;
  open: () => Readable;
};

export type SpooledUpload = { fields: Record<string, string>; file: SpooledFile | null; dispose: () => Promise<void> };

const HEAD_BYTES = 4096;

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function spool(body: Readable & { truncated?: boolean }, target: string, limit: UploadLimit): Promise<{ sizeBytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(body, measure, createWriteStream(target, { flags: 'wx' }));
  // The parser stops reading at the limit and marks the stream cut off.
  if (body.truncated || sizeBytes > limit.limitBytes) throw tooLarge(limit.limitMb);
  return { sizeBytes, sha256: hash.digest('hex') };
}

export async function receiveUploadToFile(request: FastifyRequest, limit: UploadLimit): Promise<SpooledUpload> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jalin-upload-'));
  const upload: SpooledUpload = { fields: {}, file: null, dispose: () => rm(dir, { recursive: true, force: true }) };
  try {
    await receiveParts(request, limit, async (part) => {
      if (part.type !== 'file') {
        if (typeof part.value === 'string') upload.fields[part.fieldname] = part.value;
        return;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        return;
      }
      const target = path.join(dir, randomUUID());
      const measured = await spool(part.file, target, limit);
      upload.file = { fileName: part.filename, path: target, ...measured, head: () => readHead(target), open: () => createReadStream(target) };
    });
    return upload;
  } catch (error) {
    await upload.dispose();
    throw error;
  }
}
