import { sql, type SQL } from 'drizzle-orm';
import { documents } from './documents.table';

// Changes when the set of public documents changes (documents carry no version: a document is
// replaced, not edited), for the portal's page cache. Signed documents count even when not public:
// attaching one is what lets an agreement chosen public appear on the portal.
export function publicDocumentsRevisionSql(): SQL {
  return sql`(SELECT count(*) || ':' || coalesce(sum(hashtext(${documents.id}::text)::bigint), 0) FROM ${documents} WHERE ${documents.isPublic} OR ${documents.kind} = 'naskah_ttd')`;
}
