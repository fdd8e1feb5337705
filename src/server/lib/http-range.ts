import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ByteRange } from './file-store';

// RFC 9110 §14: one byte range of a file the reply knows the size of. Several ranges in one
// request (multipart/byteranges) are answered with the whole file, which the RFC allows; so is a
// header that cannot be read. Resuming downloads and PDF viewers ask for one range at a time.
export type RangeRequest = { kind: 'whole' } | { kind: 'part'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  const match = header ? SINGLE_RANGE.exec(header.trim()) : null;
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // bytes=-N: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', range: { start, end } };
}

// What can be sent in parts: a stored file (file-store.ts, openStoredBody) or bytes made in memory.
export type RangedBody = { size: number; open: (range?: ByteRange) => Promise<Readable | Buffer> };

export function bufferBody(bytes: Buffer): RangedBody {
  return { size: bytes.length, open: async (range) => (range ? bytes.subarray(range.start, range.end + 1) : bytes) };
}

// The whole file (200) or the asked part (206), streamed from the store; 416 names the size.
export async function sendRanged(reply: FastifyReply, body: RangedBody): Promise<FastifyReply> {
  const header = reply.request.headers.range;
  const asked = parseRange(typeof header === 'string' ? header : undefined, body.size);
  reply.header('accept-ranges', 'bytes');
  switch (asked.kind) {
    case 'unsatisfiable':
      return reply.status(416).header('content-range', `bytes */${String(body.size)}`).header('content-type', 'text/plain; charset=utf-8').send('');
    case 'part': {
      const { start, end } = asked.range;
      return reply
        .status(206)
        .header('content-range', `bytes ${String(start)}-${String(end)}/${String(body.size)}`)
        .header('content-length', String(end - start + 1))
        .send(await body.open(asked.range));
    }
    case 'whole':
      return reply.header('content-length', String(body.size)).send(await body.open());
  }
}
