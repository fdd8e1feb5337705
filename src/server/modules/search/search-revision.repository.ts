import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registryRevision } from './search.table';

// The registry's revision, bumped at the commit of any change to its rows (search-cache.service.ts).
export async function readRevision(db: Db): Promise<number> {
  const [row] = await db.select({ revision: registryRevision.revision }).from(registryRevision).where(eq(registryRevision.id, 1));
  return row?.revision ?? 0;
}

// The same as a scalar subquery, for the portal's page cache.
export function registryRevisionSql(): SQL {
  return sql`(SELECT ${registryRevision.revision} FROM ${registryRevision} WHERE ${eq(registryRevision.id, 1)})`;
}
