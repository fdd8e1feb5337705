import { defineConfig } from 'vitest/config';

// Every suite runs on PGlite; when TEST_DATABASE_URL is set (CI) they all run again on PostgreSQL.
const include = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'];
const exclude = ['tests/e2e/**', 'node_modules/**'];
const shared = { include, exclude, setupFiles: ['tests/support/setup-console.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    projects: [
      { test: { ...shared, name: 'pglite', env: { JALIN_TEST_DB: 'pglite', TZ: 'UTC' } } },
      ...(process.env.TEST_DATABASE_URL
        ? // The import-graph checks use no database: once is enough.
          [{ test: { ...shared, exclude: [...exclude, 'tests/architecture/**'], name: 'postgres', env: { JALIN_TEST_DB: 'postgres', TZ: 'UTC' } } }]
        : []),
    ],
  },
});
