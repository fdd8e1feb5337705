import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aloneRuntime, serverRuntime } from '../cli-runtime';
import { parseEnv } from '../env';
import { openDatabase, pgliteDirOf } from './client';
import { acquireDataDirLock, DataDirLockedError, lockFileOf, readLockHolder } from './data-dir-lock';

// One process per PGlite directory: a second opener is refused with a message naming the holder,
// and a holder that died (kill -9) does not keep the directory from opening.

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jalin-lock-'));
  dirs.push(dir);
  return dir;
}

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-data-dir.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the PGlite directory lock', () => {
  it('refuses a second openDatabase on a directory that is open, and opens it again once closed', async () => {
    const dataDir = freshDir();
    const first = await openDatabase({ dataDir, opener: { kind: 'server', name: 'server' } });
    const error = await openDatabase({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`sedang dipakai oleh server Jalin (pid ${process.pid})`);
    expect((error as Error).message).toContain('one PGlite directory is opened by one process only');
    await first.close();
    expect(readLockHolder(pgliteDirOf(dataDir))).toBeNull();
    const second = await openDatabase({ dataDir });
    await second.close();
  }, 120_000);

  it('refuses while another live process holds the directory, and takes it over once that process is killed', async () => {
    const dataDir = freshDir();
    const holder = await holdInChild(pgliteDirOf(dataDir));
    const error = await openDatabase({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`perintah "jalin import" (pid ${holder.pid})`);
    expect((error as Error).message).toContain('wait until that command has finished');
    await killed(holder);
    // The dead holder's lock file is still there; it must not block.
    expect(readLockHolder(pgliteDirOf(dataDir))?.pid).toBe(holder.pid);
    const database = await openDatabase({ dataDir });
    expect(readLockHolder(pgliteDirOf(dataDir))?.pid).toBe(process.pid);
    await database.close();
  }, 120_000);

  it('takes over a lock whose pid now belongs to another process that started later', async () => {
    const dir = path.join(freshDir(), 'pg');
    const stale = { kind: 'server', name: 'server', pid: process.ppid, host: os.hostname(), started: '1', since: '2020-01-01T00:00:00Z', token: 'lama', socket: null };
    writeFileSync(lockFileOf(dir), JSON.stringify(stale));
    const lock = await acquireDataDirLock(dir, { kind: 'command', name: 'stats' });
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8'))).toMatchObject({ pid: process.pid, name: 'stats' });
    lock.release();
  });

  it('refuses work that needs the directory alone when run through the server, or while the server holds it', async () => {
    const dataDir = freshDir();
    const env = parseEnv({ JALIN_DATA_DIR: dataDir });
    const output = { out: () => undefined, err: () => undefined };
    const database = await openDatabase({ dataDir, opener: { kind: 'server', name: 'server' } });
    const viaServer = serverRuntime({ database, env, files: aloneRuntime(env, { name: 'x', output }).files }, { cwd: dataDir, output });
    await expect(viaServer.withDataDirAlone(async () => 'restored')).rejects.toThrow(/stop the Jalin server first/);
    await expect(aloneRuntime(env, { name: 'restore', output }).withDataDirAlone(async () => 'restored')).rejects.toBeInstanceOf(DataDirLockedError);
    await database.close();
    const alone = aloneRuntime(env, { name: 'restore', output });
    expect(await alone.withDataDirAlone(async () => alone.withDatabase(async (opened) => opened.kind))).toBe('pglite');
  }, 120_000);
});
