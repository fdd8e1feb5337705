import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allTestFiles, databaseTestFiles } from '../support/database-tests';

// The PostgreSQL run repeats only the files that use a database (vitest.config.ts). A file left
// out by mistake would never meet PostgreSQL, so the scan is checked here against what it must find.
const ROOT = path.resolve(import.meta.dirname, '../..');
// s3-server.test-support.ts starts an S3 server, not a database: a file importing only it runs once.
const DB_HELPERS = /from '[./]+\/(?:tests\/)?support\/(test-db|test-app|test-ctx|role-sessions|builders|registry-builders|outbox-mails|table-rows|server-process)'|(?<!s3-server)\.test-support'/;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the test files that run again on PostgreSQL', () => {
  const dbFiles = databaseTestFiles(ROOT);

  it('holds files that open a database directly, through the test app, or through a builder of their module', () => {
    expect(dbFiles).toEqual(
      expect.arrayContaining([
        'tests/support/registry-builders.test.ts', // createTestDatabase itself
        'src/server/cli.test.ts', // reads the PostgreSQL address
        'src/server/modules/proposals/tracking/tracking.routes.test.ts', // through test-app.ts
        'src/server/modules/backup/backup.service.test.ts', // an empty PostgreSQL for restores
      ]),
    );
  });

  it('leaves out rules, policies, web and the import-graph checks, which use no database', () => {
    for (const file of ['src/server/modules/proposals/core/proposals.rules.test.ts', 'src/server/modules/users/users.policy.test.ts', 'src/web/lib/format.test.ts', 'tests/architecture/module-graph.test.ts']) {
      expect(dbFiles).not.toContain(file);
    }
  });

  it('holds every test file that imports a database helper by name', () => {
    const importers = allTestFiles(ROOT).filter((file) => DB_HELPERS.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(importers.length).toBeGreaterThan(50);
    expect(importers.filter((file) => !dbFiles.includes(file))).toEqual([]);
  });

  it('is what the postgres project of vitest.config.ts includes', async () => {
    vi.stubEnv('TEST_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
    vi.resetModules();
    const { default: config } = (await import('../../vitest.config')) as { default: { test?: { projects?: { test?: { name?: string; include?: string[] } }[] } } };
    const postgres = config.test?.projects?.find((project) => project.test?.name === 'postgres');
    expect(postgres?.test?.include).toEqual(dbFiles);
  });
});
