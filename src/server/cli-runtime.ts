import path from 'node:path';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock';
import { openDatabase, pgliteDirOf, type Database } from './db/client';
import type { Env } from './env';
import { buildCtx, type Ctx } from './lib/context';
import { createFileStore } from './lib/create-file-store';
import type { FileStore } from './lib/file-store';

// What a command of `npm run jalin` works with. The same command runs in two places: alone in the
// shell's process (it opens the database itself), or inside the running server, which owns the PGlite
// directory and lends its open database (the command came through the server's socket, cli-socket.ts).

export class CliFailure extends Error {}

export type CliOutput = { out: (text: string) => void; err: (text: string) => void };

export type CliRuntime = CliOutput & {
  // The server's settings when run through it (the same data directory and file store).
  env: Env;
  // The shell's working directory: paths on the command line are relative to it.
  cwd: string;
  via: 'alone' | 'server';
  files: FileStore;
  // The database for one piece of work: opened and closed around it when alone, the server's own otherwise.
  withDatabase: <T>(work: (database: Database, env: Env) => Promise<T>) => Promise<T>;
  // The same, with the command's one ctx (no actor, the clock read once, the mail settings and the file store).
  withCtx: <T>(work: (ctx: Ctx, database: Database, env: Env) => Promise<T>) => Promise<T>;
  // Work that needs the data directory to itself (no server, no other command), e.g. restoring into it.
  // Through a server it is refused; inside it, withDatabase opens the database under the same lock.
  withDataDirAlone: <T>(work: (dataDir: string, env: Env) => Promise<T>) => Promise<T>;
};

export function resolvePath(runtime: CliRuntime, file: string): string {
  return path.resolve(runtime.cwd, file);
}

export const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

export const shellOutput: CliOutput = {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
};

function withCtxOf(files: FileStore, withDatabase: CliRuntime['withDatabase']): CliRuntime['withCtx'] {
  return (work) => withDatabase((database, env) => work(buildCtx({ env, files }, { db: database.db, now: new Date() }), database, env));
}

// The command runs in this process: it opens (and locks) the database itself.
export function aloneRuntime(env: Env, { name, output = shellOutput }: { name: string; output?: CliOutput }): CliRuntime {
  let aloneLock: DataDirLock | null = null;
  const opener = { kind: 'command' as const, name };
  const files = createFileStore(env);
  const withDatabase: CliRuntime['withDatabase'] = async (work) => {
    const database = await openDatabase({
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
      dataDir: env.JALIN_DATA_DIR,
      opener,
      ...(aloneLock ? { heldLock: aloneLock } : {}),
    });
    try {
      return await work(database, env);
    } finally {
      await database.close();
    }
  };
  return {
    ...output,
    env,
    cwd: process.cwd(),
    via: 'alone',
    files,
    withDatabase,
    withCtx: withCtxOf(files, withDatabase),
    async withDataDirAlone(work) {
      // Several processes share a PostgreSQL server by design; only a PGlite directory is exclusive.
      if (env.DATABASE_URL) return work(env.JALIN_DATA_DIR, env);
      aloneLock = await acquireDataDirLock(pgliteDirOf(env.JALIN_DATA_DIR), opener);
      try {
        return await work(env.JALIN_DATA_DIR, env);
      } finally {
        aloneLock.release();
        aloneLock = null;
      }
    },
  };
}

// The command runs inside the server, on the server's open database.
export function serverRuntime(deps: { database: Database; env: Env; files: FileStore }, { cwd, output }: { cwd: string; output: CliOutput }): CliRuntime {
  return {
    ...output,
    env: deps.env,
    cwd,
    via: 'server',
    files: deps.files,
    withDatabase: (work) => work(deps.database, deps.env),
    withCtx: withCtxOf(deps.files, (work) => work(deps.database, deps.env)),
    withDataDirAlone: async () => {
      throw new CliFailure(
        'Perintah ini memerlukan direktori data tanpa server yang berjalan; hentikan server Jalin dulu lalu ulangi / this command needs the data directory with no server running; stop the Jalin server first, then run it again.',
      );
    },
  };
}
