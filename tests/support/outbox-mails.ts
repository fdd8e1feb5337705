import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';

// What the scheduled alerts queued, for tests that read the outbox rather than an SMTP sink.
export type QueuedMail = { to_address: string; subject: string; text_body: string };

export async function queuedMails(db: Db, entity: string): Promise<QueuedMail[]> {
  const result: unknown = await db.execute(sql`SELECT to_address, subject, text_body FROM outbox WHERE entity = ${entity} ORDER BY created_at, to_address`);
  return (result as { rows: QueuedMail[] }).rows;
}

// Rows of a table named by the test itself (never by input).
export async function rowCount(db: Db, table: 'expiry_alerts' | 'report_reminders'): Promise<number> {
  const result: unknown = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
