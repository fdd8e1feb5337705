import { sql, type SQL } from 'drizzle-orm';
import { countAndVersionSql } from '../../db/revision-sql';
import { partnerGroups, sectors } from './master.table';

// Changes with any edit of the sectors and partner groups the portal names, for its page cache.
export function masterDataRevisionSql(): SQL {
  return sql`(${countAndVersionSql(sectors, { version: sectors.version })} || '/' || ${countAndVersionSql(partnerGroups, { version: partnerGroups.version })})`;
}
