import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DB_KIND } from '../../../tests/support/test-db';
import { selectRows } from './bulk-sql';

// What every connection of the app's PostgreSQL pool is set to before it serves a query (PGlite
// has no JIT and no pool).
describe('the PostgreSQL pool', () => {
  it.runIf(TEST_DB_KIND === 'postgres')('compiles no query just in time, on every connection', async () => {
    const database = await createTestDatabase();
    try {
      // More at once than one connection serves, so that several connections answer.
      const answers = await Promise.all(Array.from({ length: 8 }, () => selectRows<{ jit: string; pid: number }>(database.db, sql`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid, pg_sleep(0.05)`)));
      const rows = answers.flat();
      expect(new Set(rows.map((row) => row.pid)).size).toBeGreaterThan(1);
      expect(rows.map((row) => row.jit)).toEqual(rows.map(() => 'off'));
    } finally {
      await database.close();
    }
  });
});
