import type { SQL } from 'drizzle-orm';
import { countAndVersionSql } from '../../db/revision-sql';
import { procedures } from './procedures.table';

// Changes with any edit of a procedure (the public guide shows them), for the portal's page cache.
export function proceduresRevisionSql(): SQL {
  return countAndVersionSql(procedures, { version: procedures.version });
}
