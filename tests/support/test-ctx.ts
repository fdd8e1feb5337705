import type { Db } from '../../src/server/db/client';
import type { Actor, Ctx } from '../../src/server/lib/context';
import type { FileStore } from '../../src/server/lib/file-store';
import type { MailSettings } from '../../src/server/modules/mail/mail.service';

// Mail queued by a test stays in the outbox: there is no SMTP server to send it to.
export const HELD_TEST_MAIL: MailSettings = { smtpUrl: null, from: 'jalin@test.local', publicUrl: 'http://localhost:3000' };

// Document bytes kept in memory, for services called without an app (and its storage directory).
export function memoryFileStore(): FileStore {
  const bodies = new Map<string, Buffer>();
  const missing = (key: string) => Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
  return {
    async put(key, body) {
      if (bodies.has(key)) throw Object.assign(new Error(`file exists ${key}`), { code: 'EEXIST' });
      bodies.set(key, Buffer.from(body));
    },
    async get(key) {
      const body = bodies.get(key);
      if (!body) throw missing(key);
      return Buffer.from(body);
    },
    stream() {
      throw new Error('memoryFileStore does not stream');
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
