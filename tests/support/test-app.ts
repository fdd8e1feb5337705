import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/roles';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/server/db/client';
import { parseEnv, type Env } from '../../src/server/env';
import { createFileStore } from '../../src/server/lib/create-file-store';
import type { FileStore } from '../../src/server/lib/file-store';
import { buildCtx, type Ctx } from '../../src/server/lib/context';
import { buildUnit, buildUser, type BuiltUser } from './builders';
import { createTestDatabase } from './test-db';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  files: FileStore;
  env: Env;
  clock: { now: Date };
  ctx: (actor?: Ctx['actor']) => Ctx;
  // Creates a user of that role (an OPD user gets a fresh OPD) and returns its session cookie.
  loginAs: (role: Role, overrides?: { unitId?: string }) => Promise<{ cookie: string; user: BuiltUser }>;
  close: () => Promise<void>;
};

export const TEST_PASSWORD = 'rahasia-uji-123';

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return first.split(';')[0] ?? '';
}

export async function createTestApp(options: { now?: Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const storage = mkdtempSync(path.join(tmpdir(), 'jalin-files-'));
  const env = parseEnv({ LOG_LEVEL: 'silent', NODE_ENV: 'test', JALIN_STORAGE_DIR: storage, ...options.env });
  // The bucket when options.env names one (s3-server.test-support.ts), else the temporary directory.
  const files = createFileStore(env);
  const clock = { now: options.now ?? new Date('2026-06-15T03:00:00Z') };
  const app = await buildApp({ database, env, files, clock: () => clock.now }, { logger: false });
  await app.ready();
  // The same ctx a request gets: this app's database, settings (mail) and file store, at the test clock.
  const ctx = (actor: Ctx['actor'] = null): Ctx => buildCtx({ env, files }, { db: database.db, actor, now: clock.now });
  return {
    app,
    database,
    files,
    env,
    clock,
    ctx,
    async loginAs(role, overrides = {}) {
      const unitId = overrides.unitId ?? (role === 'opd' ? (await buildUnit(database.db)).id : undefined);
      const user = await buildUser(database.db, { role, password: TEST_PASSWORD, ...(unitId ? { unitId } : {}) });
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
      return { cookie: cookieFrom(response), user };
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(storage, { recursive: true, force: true });
    },
  };
}
