import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const E2E_ADMIN = { email: 'admin@jalin.local', password: 'admin-e2e-rahasia' };

export type RunningApp = { baseUrl: string; dataDir: string; stop: () => Promise<void>; output: () => string };

function freePort(): Promise<number> {
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

let isBuilt = false;

// The browser tests run what production runs: the bundles `npm run build` makes. Rebuilt here when
// their sources changed since, so a test never drives an older server or app than the code.
function ensureBuild(): void {
  if (isBuilt) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('the build failed: node scripts/build.mjs');
  isBuilt = true;
}

// Starts Jalin as `npm start` does (node dist/server/main.js after the build), on a fresh data directory.
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  ensureBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jalin-e2e-'));
  let output = '';
  // Node itself, not `npm start`: one process, so SIGTERM reaches the server and no orphan keeps
  // the port (and this process's pipes) open after stop().
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      JALIN_DATA_DIR: dataDir,
      JALIN_ADMIN_EMAIL: E2E_ADMIN.email,
      JALIN_ADMIN_PASSWORD: E2E_ADMIN.password,
      JALIN_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Jalin exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Jalin did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
