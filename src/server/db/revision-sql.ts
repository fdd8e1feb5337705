import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

// A cheap fingerprint of a table's rows for caches of public pages: how many rows and the sum of
// their versions. Counts and version sums, not timestamps: every edit bumps a version, whatever
// clock wrote it, and a removed row changes the count. A scalar subquery, so that a cache reads the
// fingerprints of several modules in one statement.
export function countAndVersionSql(table: PgTable, { version, where }: { version: PgColumn; where?: SQL }): SQL {
  return sql`(SELECT count(*) || ':' || coalesce(sum(${version}), 0) FROM ${table}${where ? sql` WHERE ${where}` : sql``})`;
}
