import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { databaseTestFiles } from './tests/support/database-tests.ts';

// Every suite runs on PGlite; when TEST_DATABASE_URL is set (CI) the suites that use a database run
// again on PostgreSQL. The others (rules, policies, web, the import-graph checks) would only repeat
// themselves, so they run once (tests/support/database-tests.ts says which is which).
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const include = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'];
const exclude = ['tests/e2e/**', 'node_modules/**'];
// isolate: false — a worker process runs file after file instead of a new process per file: each file
// otherwise imports the server's modules again, 40 % of the suite's time (docs/performance.md, "Test
// suite time"). It sits here because inline projects do not inherit the root's test options. Files
// still get their own database (tests/support/test-db.ts); modules are shared between the files of a
// worker, so their state (caches keyed by database handle) must not assume a fresh process.
const shared = { include, exclude, setupFiles: ['tests/support/setup-console.ts'], testTimeout: 30_000, hookTimeout: 60_000, isolate: false };

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // vitest's default is one worker less than the cores: one on the 2-core CI machine. Two workers
    // there took 117 s where one took 158 s and three 135 s (docs/performance.md, "Test suite time").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // Several processes on one database (tests/cluster) need PostgreSQL: PGlite is one process per directory.
      { test: { ...shared, exclude: [...exclude, '**/*.cluster.test.ts'], name: 'pglite', env: { JALIN_TEST_DB: 'pglite', TZ: 'UTC' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...shared, include: databaseTestFiles(ROOT), name: 'postgres', env: { JALIN_TEST_DB: 'postgres', TZ: 'UTC' } } }]
        : []),
    ],
  },
});
