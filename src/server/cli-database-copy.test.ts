import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND, createEmptyPostgres } from '../../tests/support/test-db';

// `npm run jalin -- database-copy --to <url>` as a person runs it, on a fresh PGlite data directory.
type Run = { code: number | null; stdout: string; stderr: string };

function jalin(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
      // eslint-disable-next-line no-restricted-syntax -- the child inherits PATH and the like, as from a shell
      env: { ...process.env, JALIN_STORAGE_DIR: '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('jalin database-copy', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'jalin-database-copy-'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses when DATABASE_URL is set, or when --to is not a PostgreSQL address', async () => {
    const withUrl = await jalin(['database-copy', '--to', 'postgres://127.0.0.1/x'], { JALIN_DATA_DIR: work, DATABASE_URL: 'postgres://127.0.0.1/y' });
    expect(withUrl.code).not.toBe(0);
    expect(withUrl.stderr).toContain('DATABASE_URL is set: this command copies the embedded database');
    const notPostgres = await jalin(['database-copy', '--to', '/tmp/elsewhere'], { JALIN_DATA_DIR: work, DATABASE_URL: '' });
    expect(notPostgres.code).not.toBe(0);
    expect(notPostgres.stderr).toContain('--to must be a PostgreSQL address (postgres://…), not /tmp/elsewhere');
  });

  it.runIf(TEST_DB_KIND === 'postgres')('copies the data directory into an empty PostgreSQL database, then refuses to copy over it', async () => {
    const target = await createEmptyPostgres();
    try {
      const env = { JALIN_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' };
      const user = await jalin(['create-user', '--email', 'salin@jalin.local', '--name', 'Salin', '--role', 'admin', '--password', 'rahasia-salin-123'], env);
      expect(user.code).toBe(0);
      const copied = await jalin(['database-copy', '--to', target.url], env);
      expect(copied.stderr).toMatch(/ {2}agreements: 0\n/);
      expect(copied.stdout).toMatch(/^Disalin \/ copied: \d+ tabel \/ tables, \d+ baris \/ rows\. Setel DATABASE_URL/);
      expect(copied.code).toBe(0);
      const again = await jalin(['database-copy', '--to', target.url], env);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/The target database is not empty \(\d+ tables, 1 agreements and accounts\)/);
    } finally {
      await target.drop();
    }
    // Three processes, each starting tsx and opening PGlite.
  }, 120_000);
});
