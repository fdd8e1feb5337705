import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ProcessRun } from '../../../../tests/support/server-process';
import { TEST_DB_KIND, createEmptyPostgres } from '../../../../tests/support/test-db';

// `npm run jalin -- backup` and `restore` as a person runs them: separate processes on a fresh
// PGlite data directory, or throwaway PostgreSQL databases when the suite runs on PostgreSQL.

type Run = ProcessRun;
type Target = { dir: string; url: string };

describe('jalin backup and restore commands', () => {
  let work: string;
  const drops: (() => Promise<void>)[] = [];

  async function freshTarget(name: string): Promise<Target> {
    const dir = path.join(work, name);
    if (TEST_DB_KIND !== 'postgres') return { dir, url: '' };
    const database = await createEmptyPostgres();
    drops.push(database.drop);
    return { dir, url: database.url };
  }

  function jalin(args: string[], target: Target): Promise<Run> {
    return runCli(args, target, { JALIN_STORAGE_DIR: '' });
  }

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'jalin-backup-cli-'));
  });

  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up, restores into an empty target, and refuses to restore over it a second time', async () => {
    const source = await freshTarget('source');
    const user = ['create-user', '--email', 'cadangan@ternatekota.go.id', '--name', 'Uji Cadangan', '--role', 'admin', '--password', 'rahasia-uji-123'];
    expect((await jalin(user, source)).code).toBe(0);
    const archive = path.join(work, 'jalin.tar');
    const backup = await jalin(['backup', '--out', archive], source);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`backup written: ${archive} (${TEST_DB_KIND}`);

    const target = await freshTarget('target');
    const restore = await jalin(['restore', archive], target);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`restored: ${TEST_DB_KIND}`);
    // The restored database already holds the user: creating it again is refused.
    const again = await jalin(user, target);
    expect(again.code).toBe(1);

    const refused = await jalin(['restore', archive], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^jalin: Pemulihan ditolak: tujuan tidak kosong .* \/ Restore refused: the target is not empty .*nothing was changed/);
  }, 240_000);
});
