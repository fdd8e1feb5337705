import type { Db } from '../../src/server/db/client';
import type { Actor, Ctx } from '../../src/server/lib/context';
import { Readable } from 'node:stream';
import { storeError, type FileStore } from '../../src/server/lib/file-store';
import type { MailSettings } from '../../src/server/modules/mail/mail.service';

// Mail queued by a test stays in the outbox: there is no SMTP server to send it to.
export const HELD_TEST_MAIL: MailSettings = { smtpUrl: null, from: 'jalin@test.local', publicUrl: 'http://localhost:3000' };

// Document bytes kept in memory, for services called without an app (and its storage directory).
export function memoryFileStore(): FileStore {
  const bodies = new Map<string, Buffer>();
  const put = (key: string, body: Buffer) => {
    if (bodies.has(key)) throw storeError('EEXIST', key);
    bodies.set(key, Buffer.from(body));
  };
  const get = (key: string) => {
    const body = bodies.get(key);
    if (!body) throw storeError('ENOENT', key);
    return Buffer.from(body);
  };
  return {
    location: 'memory',
    async check() {},
    async put(key, body) {
      put(key, body);
    },
    async putStream(key, body) {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
      put(key, Buffer.concat(chunks));
    },
    async get(key) {
      return get(key);
    },
    async stream(key, range) {
      const body = get(key);
      return Readable.from([range ? body.subarray(range.start, range.end + 1) : body]);
    },
    async size(key) {
      return bodies.get(key)?.length ?? null;
    },
    async remove(key) {
      bodies.delete(key);
    },
    async exists(key) {
      return bodies.has(key);
    },
    async *list() {
      yield* bodies.keys();
    },
  };
}

// A service's ctx in a test without an app: the given database, actor and clock, held mail, files in memory.
export function testCtx<T extends { db: Db; actor: Actor | null; now: Date }>(base: T, files: FileStore = memoryFileStore()): T & Pick<Ctx, 'mail' | 'files'> {
  return { ...base, mail: HELD_TEST_MAIL, files };
}
