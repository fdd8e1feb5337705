import type { SQL } from 'drizzle-orm';
import { countAndVersionSql } from '../../db/revision-sql';
import { agreements } from './agreements.table';

// Changes when any agreement is added, removed or edited: the portal's page cache compares it.
export function agreementsRevisionSql(): SQL {
  return countAndVersionSql(agreements, { version: agreements.version });
}
