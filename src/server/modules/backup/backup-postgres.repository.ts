import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import pg from 'pg';
import { childProcessEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { asError } from './backup.tar';

// PostgreSQL is dumped and restored by its own tools: pg_dump takes one consistent snapshot
// of a live database, and pg_restore --single-transaction leaves nothing behind if it fails.

type Connection = { dbname: string; env: Record<string, string | undefined> };

// The password goes to the child through PGPASSWORD, never on its command line (visible in ps).
function connectionOf(databaseUrl: string): Connection {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: childProcessEnv(password ? { PGPASSWORD: password } : {}) };
}

function toolFailed(tool: string, detail: string): AppError {
  return new AppError({
    code: 'INTERNAL',
    message: `${tool} gagal: ${detail}`,
    messageEn: `${tool} failed: ${detail}`,
  });
}

function start(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): { child: ChildProcessWithoutNullStreams; done: Promise<void> } {
  const connection = connectionOf(databaseUrl);
  const child = spawn(tool, [...args, '--dbname', connection.dbname], { env: connection.env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? toolFailed(tool, 'program tidak ditemukan, pasang postgresql-client / program not found, install postgresql-client') : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(toolFailed(tool, stderr.trim().split('\n').slice(0, 3).join(' ') || `exit ${String(code)}`));
    });
  });
  return { child, done };
}

export async function dumpPostgres(databaseUrl: string, file: string): Promise<void> {
  await start('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file], databaseUrl).done;
}

export type PostgresRestore = { write: (chunk: Buffer) => Promise<void>; finish: () => Promise<void>; cancel: () => Promise<void> };

// Reads the custom-format dump from standard input, so restore streams it out of the archive.
export function startPostgresRestore(databaseUrl: string): PostgresRestore {
  const { child, done } = start('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges'], databaseUrl);
  let failure: unknown = null;
  const outcome = done.then(
    () => null,
    (error: unknown) => (failure = error),
  );
  child.stdin.on('error', () => undefined); // a failed pg_restore closes its input; `done` says why
  return {
    async write(chunk) {
      if (failure) throw asError(failure);
      if (!child.stdin.write(chunk)) {
        await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), outcome]);
      }
    },
    async finish() {
      child.stdin.end();
      const error = await outcome;
      if (error) throw asError(error);
    },
    async cancel() {
      // Killing pg_restore aborts its single transaction: nothing is committed.
      child.kill('SIGTERM');
      await outcome;
    },
  };
}

// Empty = no table, view, sequence or function of its own (extensions' objects do not count).
export async function postgresObjects(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(`
      SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      UNION ALL
      SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1 LIMIT 3`);
    return result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}
