import { eq, sql, type SQL } from 'drizzle-orm';
import { registryRevision } from './search.table';

// The registry's revision (bumped at the commit of any change to its rows, search.cache.ts) as a
// scalar subquery, for the portal's page cache.
export function registryRevisionSql(): SQL {
  return sql`(SELECT ${registryRevision.revision} FROM ${registryRevision} WHERE ${eq(registryRevision.id, 1)})`;
}
