import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CliOutput, CliRuntime } from './cli-runtime';
import type { LockHolder } from './db/data-dir-lock';

// While the server owns a PGlite directory, `npm run jalin` sends the whole command line (argv and
// working directory) to it over a Unix socket and the server runs it on its own open database,
// sending back stdout, stderr and the exit code. One JSON object per line each way.
// The socket lives in a directory only the server's user may enter (0700) and is itself 0600:
// whoever may connect may also open the data directory, as the command alone would.

export type CommandRequest = { argv: string[]; cwd: string };
type Frame = { stream: 'stdout' | 'stderr'; text: string } | { exit: number };

// Unix socket paths are limited to about 104 bytes; a deep data directory gets one in the temp directory.
export function commandSocketPath(dataDir: string): string {
  const inside = path.resolve(dataDir, 'run', 'jalin.sock');
  if (Buffer.byteLength(inside) <= 100) return inside;
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `jalin-${key}`, 'jalin.sock');
}

function readLines(socket: Socket, onLine: (line: string) => void) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      onLine(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
    }
  });
}

function parseRequest(line: string): CommandRequest | null {
  try {
    const value = JSON.parse(line) as Partial<CommandRequest>;
    if (!Array.isArray(value.argv) || !value.argv.every((arg) => typeof arg === 'string') || typeof value.cwd !== 'string') return null;
    return { argv: value.argv, cwd: value.cwd };
  } catch {
    return null;
  }
}

export type CommandServer = { close: () => Promise<void> };

// The server side. `run` is the CLI's own command runner with a runtime bound to the server's database.
export async function serveCommands(options: {
  socketPath: string;
  runtimeFor: (cwd: string, output: CliOutput) => CliRuntime;
  run: (argv: string[], runtime: CliRuntime) => Promise<number>;
}): Promise<CommandServer> {
  const dir = path.dirname(options.socketPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // Left by a server that was killed: the caller holds the directory lock, so it is no one's now.
  rmSync(options.socketPath, { force: true });
  const running = new Set<Promise<unknown>>();
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    let started = false;
    readLines(socket, (text) => {
      if (started) return;
      started = true;
      const request = parseRequest(text);
      // A client that went away (Ctrl-C) does not stop the command: it finishes, as it would alone.
      const send = (frame: Frame) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
      };
      if (!request) {
        send({ stream: 'stderr', text: 'jalin: permintaan tidak valid / invalid request\n' });
        send({ exit: 2 });
        socket.end();
        return;
      }
      const output: CliOutput = {
        out: (line) => send({ stream: 'stdout', text: line.endsWith('\n') ? line : `${line}\n` }),
        err: (line) => send({ stream: 'stderr', text: line.endsWith('\n') ? line : `${line}\n` }),
      };
      const job = options
        .run(request.argv, options.runtimeFor(request.cwd, output))
        .then((code) => send({ exit: code }), () => send({ exit: 1 }))
        .finally(() => {
          socket.end();
          running.delete(job);
        });
      running.add(job);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(options.socketPath, 0o600);
  return {
    // Stops taking commands, then waits for those already running.
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
      rmSync(options.socketPath, { force: true });
    },
  };
}

// The shell side: runs the command in the server that holds the directory; answers its exit code.
export function forwardCommand(holder: LockHolder, { request, output }: { request: CommandRequest; output: CliOutput }): Promise<number> {
  return new Promise((resolve) => {
    let code: number | null = null;
    let connected = false;
    const socket = connect(holder.socket ?? '');
    socket.on('connect', () => {
      connected = true;
      output.err(`jalin: dijalankan oleh server Jalin yang memegang direktori data (pid ${holder.pid}) / run by the Jalin server that holds the data directory`);
      socket.write(`${JSON.stringify(request)}\n`);
    });
    readLines(socket, (text) => {
      const frame = JSON.parse(text) as Frame;
      if ('exit' in frame) code = frame.exit;
      else if (frame.stream === 'stdout') output.out(frame.text);
      else output.err(frame.text);
    });
    socket.on('error', () => {
      if (code !== null || connected) return;
      output.err(
        `jalin: server Jalin (pid ${holder.pid}) memegang direktori data tetapi tidak menerima perintah (sedang mulai atau berhenti); coba lagi sebentar lagi / the Jalin server (pid ${holder.pid}) holds the data directory but takes no commands (starting or stopping); try again in a moment.`,
      );
      code = 1;
    });
    socket.on('close', () => {
      if (code === null) output.err('jalin: sambungan ke server terputus sebelum perintah selesai / the connection to the server closed before the command finished.');
      resolve(code ?? 1);
    });
  });
}
