import type { SQL } from 'drizzle-orm';
import { countAndVersionSql } from '../../db/revision-sql';
import { settings } from './settings.table';

// Changes with any edit of a setting (the portal shows the division's contact, windows …), for its
// page cache.
export function settingsRevisionSql(): SQL {
  return countAndVersionSql(settings, { version: settings.version });
}
