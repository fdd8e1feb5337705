import type { Database } from '../../db/client';
import { pingDatabase } from './health.repository';

// Healthy once the database answers; when it does not, the request fails instead.
export async function checkHealth(database: Database): Promise<{ status: 'ok'; database: Database['kind'] }> {
  await pingDatabase(database.db);
  return { status: 'ok', database: database.kind };
}
