import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// PGlite is one PostgreSQL inside one process: a second process opening the same directory writes
// over the first one's pages and corrupts it. So a PGlite directory has one holder at a time,
// named in `<dir>.lock` (pid, host, start time, and the command socket when the holder is the server).
//
// A pid file checked for liveness rather than a lock kept fresh by a timer (proper-lockfile): PGlite
// runs its queries synchronously on the event loop, so a long statement would starve the refresh and
// the lock would be taken as stale while its holder still writes. A holder killed with kill -9 is seen
// as dead at once (its pid is gone, or now belongs to a process that started later).

export type HolderKind = 'server' | 'command';
export type LockHolder = { kind: HolderKind; name: string; pid: number; host: string; started: string | null; since: string; token: string; socket: string | null };
export type DataDirLock = { dir: string; holder: LockHolder; release: () => void };

const held = new Map<string, DataDirLock>();
let releaseOnExit = false;

export function lockFileOf(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. A reused pid
// belongs to a process that started later. Elsewhere (macOS) only the pid is compared.
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function pidIsAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return [...held.values()].some((lock) => lock.holder.token === holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

// A server in another pid namespace (a second container on the same volume) still answers on its socket.
function socketAnswers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = connect(socket);
    connection.setTimeout(2000);
    connection.once('connect', () => {
      connection.destroy();
      resolve(true);
    });
    connection.once('error', () => resolve(false));
    connection.once('timeout', () => {
      connection.destroy();
      resolve(false);
    });
  });
}

export async function holderIsAlive(holder: LockHolder): Promise<boolean> {
  if (pidIsAlive(holder)) return true;
  return holder.socket !== null && (await socketAnswers(holder.socket));
}

export function readLockHolder(dir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(lockFileOf(dir), 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.token === 'string' ? holder : { ...holder, pid: -1, token: 'broken', socket: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Unreadable content: not a lock any process can be holding (the file is written whole, then linked).
    return { kind: 'command', name: '?', pid: -1, host: '', started: null, since: '', token: 'broken', socket: null };
  }
}

// The live holder of a PGlite directory, or null when it is free or its holder has died.
export async function liveHolderOf(dir: string): Promise<LockHolder | null> {
  const holder = readLockHolder(dir);
  return holder && (await holderIsAlive(holder)) ? holder : null;
}

export class DataDirLockedError extends Error {
  readonly holder: LockHolder;
  constructor(dir: string, holder: LockHolder) {
    const who = holder.kind === 'server' ? `server Jalin (pid ${holder.pid})` : `perintah "jalin ${holder.name}" (pid ${holder.pid})`;
    const whoEn = holder.kind === 'server' ? `the Jalin server (pid ${holder.pid})` : `the command "jalin ${holder.name}" (pid ${holder.pid})`;
    const hint =
      holder.kind === 'server'
        ? 'Jalankan perintah lewat server itu (npm run jalin -- … melakukannya sendiri) atau hentikan server dulu / run the command through that server (npm run jalin -- … does so by itself) or stop the server first.'
        : 'Tunggu sampai perintah itu selesai / wait until that command has finished.';
    super(`Direktori data ${dir} sedang dipakai oleh ${who}; satu direktori PGlite hanya boleh dibuka satu proses / the data directory ${dir} is in use by ${whoEn}; one PGlite directory is opened by one process only. ${hint}`);
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

function isExisting(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

// Only one process may remove a dead holder's lock: the others would remove the lock just taken.
function breakStaleLock(dir: string, staleToken: string): void {
  const breaker = `${lockFileOf(dir)}.break`;
  try {
    writeFileSync(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if (!isExisting(error)) throw error;
    // A breaker left by a process killed in these few lines must not block for ever.
    const stat = statSync(breaker, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > 10_000) unlinkSync(breaker);
    return;
  }
  try {
    if (readLockHolder(dir)?.token === staleToken) unlinkSync(lockFileOf(dir));
  } finally {
    unlinkSync(breaker);
  }
}

function releaseAll() {
  for (const lock of held.values()) lock.release();
}

export async function acquireDataDirLock(dir: string, holderOf: { kind: HolderKind; name: string; socket?: string }): Promise<DataDirLock> {
  const lockFile = lockFileOf(dir);
  const holder: LockHolder = {
    kind: holderOf.kind,
    name: holderOf.name,
    pid: process.pid,
    host: os.hostname(),
    started: processStart(process.pid),
    since: new Date().toISOString(),
    token: randomUUID(),
    socket: holderOf.socket ?? null,
  };
  const draft = `${lockFile}.${holder.token}`;
  // The lock sits beside the directory; a first start (or a restore) may find no data directory yet.
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(draft, JSON.stringify(holder), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        // link() creates the lock with its whole content or fails: no reader sees a half-written file.
        linkSync(draft, lockFile);
        const lock: DataDirLock = {
          dir,
          holder,
          release: () => {
            if (held.get(holder.token) !== lock) return;
            held.delete(holder.token);
            if (readLockHolder(dir)?.token === holder.token) unlinkSync(lockFile);
          },
        };
        held.set(holder.token, lock);
        if (!releaseOnExit) {
          releaseOnExit = true;
          process.once('exit', releaseAll);
        }
        return lock;
      } catch (error) {
        if (!isExisting(error)) throw error;
      }
      const current = readLockHolder(dir);
      if (current && (await holderIsAlive(current))) throw new DataDirLockedError(dir, current);
      if (current) breakStaleLock(dir, current.token);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`Kunci direktori data tidak dapat diambil / could not take the data directory lock: ${lockFile}`);
  } finally {
    unlinkSync(draft);
  }
}
