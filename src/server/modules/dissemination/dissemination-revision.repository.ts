import { eq, type SQL } from 'drizzle-orm';
import { countAndVersionSql } from '../../db/revision-sql';
import { disseminationPackages } from './dissemination.table';

// Changes when a package is published, unpublished or edited while published, for the portal's
// page cache.
export function publishedPackagesRevisionSql(): SQL {
  return countAndVersionSql(disseminationPackages, { version: disseminationPackages.version, where: eq(disseminationPackages.status, 'published') });
}
