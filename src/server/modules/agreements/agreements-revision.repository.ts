import { max, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { countAndVersionSql } from '../../db/revision-sql';
import { agreements } from './agreements.table';

// Changes when any agreement is added, removed or edited: the portal's page cache compares it.
export function agreementsRevisionSql(): SQL {
  return countAndVersionSql(agreements, { version: agreements.version });
}

// When any agreement last changed (its row's updated_at): the open data's "modified" date.
export async function selectLastAgreementChange(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: max(agreements.updatedAt) }).from(agreements);
  return row?.at ?? null;
}
