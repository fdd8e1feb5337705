import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/support/server-process';
import { TEST_DB_KIND, createEmptyPostgres } from '../../tests/support/test-db';

// `npm run jalin -- database-copy --to <url>` as a person runs it, on a fresh PGlite data directory.
describe('jalin database-copy', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'jalin-database-copy-'));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses when DATABASE_URL is set, or when --to is not a PostgreSQL address', async () => {
    const withUrl = await runCli(['database-copy', '--to', 'postgres://127.0.0.1/x'], { dir: work, url: 'postgres://127.0.0.1/y' });
    expect(withUrl.code).not.toBe(0);
    expect(withUrl.stderr).toContain('DATABASE_URL is set: this command copies the embedded database');
    const notPostgres = await runCli(['database-copy', '--to', '/tmp/elsewhere'], { dir: work, url: '' });
    expect(notPostgres.code).not.toBe(0);
    expect(notPostgres.stderr).toContain('--to must be a PostgreSQL address (postgres://…), not /tmp/elsewhere');
  });

  it.runIf(TEST_DB_KIND === 'postgres')('copies the data directory into an empty PostgreSQL database, then refuses to copy over it', async () => {
    const target = await createEmptyPostgres();
    try {
      const data = { dir: path.join(work, 'data'), url: '' };
      const user = await runCli(['create-user', '--email', 'salin@jalin.local', '--name', 'Salin', '--role', 'admin', '--password', 'rahasia-salin-123'], data);
      expect(user.code).toBe(0);
      const copied = await runCli(['database-copy', '--to', target.url], data);
      expect(copied.stderr).toMatch(/ {2}agreements: 0\n/);
      expect(copied.stdout).toMatch(/^Disalin \/ copied: \d+ tabel \/ tables, \d+ baris \/ rows\. Setel DATABASE_URL/);
      expect(copied.code).toBe(0);
      const again = await runCli(['database-copy', '--to', target.url], data);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/The target database is not empty \(\d+ tables, 1 agreements and accounts\)/);
    } finally {
      await target.drop();
    }
    // Three processes, each starting tsx and opening PGlite.
  }, 120_000);
});
