import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/server/db/client';
import { insertMonitoringRows } from '../bench/monitoring-rows';
const db = openPostgres(process.argv[2]!);
console.log(await insertMonitoringRows(db.db, { yearsPerAgreement: Number(process.argv[3] ?? 4) }));
await db.db.execute(sql`ANALYZE`);
await db.close();
