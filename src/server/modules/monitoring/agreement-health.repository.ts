import { sql } from 'drizzle-orm';
import { andAmongIds } from '../../db/bulk-sql';
import type { Db } from '../../db/client';

// The facts health adds to monitoring's pass over the register (raw SQL like
// monitoring.repository): one grouped query, agreements without any such fact are absent.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type HealthExtras = { unacknowledged: boolean };

type Row = { agreement_id: string; unacknowledged: boolean };

// Per agreement: whether a published package still has an OPD recipient who has not acknowledged
// it. Late obligations are counted per occurrence by obligation-lateness.service.
export async function loadHealthExtras(db: Db, options: { on: string; agreementIds?: string[] | undefined }): Promise<Map<string, HealthExtras>> {
  if (!ISO_DATE.test(options.on)) throw new Error(`not a date: ${options.on}`);
  const result: unknown = await db.execute(sql`
    SELECT agreement_id, bool_or(unacknowledged) AS unacknowledged FROM (
      SELECT p.agreement_id, true AS unacknowledged
        FROM dissemination_packages p JOIN dissemination_recipients r ON r.package_id = p.id
        WHERE p.status = 'published' AND r.acknowledged_at IS NULL${andAmongIds(sql`p.agreement_id`, options.agreementIds)}
    ) facts GROUP BY agreement_id`);
  const extras = new Map<string, HealthExtras>();
  for (const row of (result as { rows: Row[] }).rows) {
    extras.set(row.agreement_id, { unacknowledged: row.unacknowledged });
  }
  return extras;
}
