import { sql } from 'drizzle-orm';
import type { ImportRegisterSize } from '../../../shared/imports';
import type { Database, Db } from '../../db/client';
import { selectRows } from '../../db/bulk-sql';
import type { Env } from '../../env';

// The embedded database (PGlite, one process, PostgreSQL compiled to WebAssembly) meets the
// register's targets up to a size, not at any size: past JALIN_EMBEDDED_AGREEMENT_LIMIT the app
// says so and names the way out (docs/performance.md, "The embedded database at a million").
// Nothing is refused: the register is the city's, and it keeps working, only slower.
export function embeddedLimitOf(database: Pick<Database, 'kind'>, env: Pick<Env, 'JALIN_EMBEDDED_AGREEMENT_LIMIT'>): number | null {
  return database.kind === 'pglite' ? env.JALIN_EMBEDDED_AGREEMENT_LIMIT : null;
}

// How many agreements the register holds after `creates` more, when that passes the limit.
// Counted exactly: only the embedded database has a limit, and it is asked where it is near its size.
export async function registerSizeAfter(db: Db, input: { creates: number; limit: number | null }): Promise<ImportRegisterSize | null> {
  if (input.limit === null) return null;
  const [row] = await selectRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM agreements`);
  const after = (row?.n ?? 0) + input.creates;
  return after > input.limit ? { after, limit: input.limit } : null;
}

export function registerSizeWarning(size: ImportRegisterSize): { message: string; messageEn: string } {
  return {
    message:
      `Register berisi ${size.after} perjanjian, lebih dari ${size.limit} yang dilayani basis data tertanam (PGlite) dengan cepat. ` +
      'Untuk register sebesar ini gunakan server PostgreSQL: npm run jalin -- database-copy --to postgres://…, lalu atur DATABASE_URL (README, "The embedded database and its size").',
    messageEn:
      `The register holds ${size.after} agreements, more than the ${size.limit} the embedded database (PGlite) serves quickly. ` +
      'For a register this size use a PostgreSQL server: npm run jalin -- database-copy --to postgres://…, then set DATABASE_URL (README, "The embedded database and its size").',
  };
}
