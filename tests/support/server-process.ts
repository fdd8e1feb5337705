import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Jalin's server and command line as real processes on one data directory (or one PostgreSQL
// database), the way an operator runs them side by side.

export type ProcessRun = { code: number | null; stdout: string; stderr: string };
export type ServerProcess = { baseUrl: string; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };
export const SERVER_ADMIN = { email: 'admin@jalin.local', password: 'admin-proses-rahasia' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function baseEnv(target: { dir: string; url: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JALIN_DATA_DIR: target.dir,
    DATABASE_URL: target.url,
    JALIN_DEMO: '0',
    JALIN_DEMO_PASSWORD: '',
    JALIN_ADMIN_EMAIL: SERVER_ADMIN.email,
    JALIN_ADMIN_PASSWORD: SERVER_ADMIN.password,
    LOG_LEVEL: 'silent',
  };
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// Node with the tsx loader (not `npx tsx`): one process, so a signal reaches the server itself.
// `env`: settings on top of the harness's own (object storage, SMTP, …); its PORT, if any, is kept.
export async function startServer(target: { dir: string; url: string }, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...baseEnv(target), PORT: String(port), HOST: '127.0.0.1', JALIN_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Jalin exited early:\n${output}`);
    const ready = await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      const done = exited(child);
      if (child.exitCode === null) child.kill(signal);
      return done;
    },
  };
}

// `env`: settings on top of the harness's own, as for startServer.
export function runCli(args: string[], target: { dir: string; url: string }, env: Record<string, string> = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { env: { ...baseEnv(target), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Signs in as the admin; the cookie goes with every later call.
export async function adminSession(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SERVER_ADMIN) });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  return (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
}
