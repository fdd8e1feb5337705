import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from './mail.table';

export type OutboxRow = typeof outbox.$inferSelect;
type OutboxStatus = OutboxRow['status'];

export async function insertOutboxMail(db: Db, values: typeof outbox.$inferInsert): Promise<string | undefined> {
  const [row] = await db.insert(outbox).values(values).returning({ id: outbox.id });
  return row?.id;
}

// Of these mails, the ones still to send (a held mail waits for the division, a sent one is done).
export function selectSendable(db: Db, ids: string[]): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(and(inArray(outbox.id, ids), inArray(outbox.status, ['pending', 'failed'])));
}

export async function updateOutboxMail(db: Db, change: { id: string } & Partial<Omit<typeof outbox.$inferInsert, 'id'>>): Promise<void> {
  const { id, ...values } = change;
  await db.update(outbox).set(values).where(eq(outbox.id, id));
}

export function selectOutboxPage(db: Db, options: { status?: OutboxStatus | undefined; limit: number; offset: number }): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(options.status ? eq(outbox.status, options.status) : undefined)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countOutbox(db: Db, status: OutboxStatus | undefined): Promise<number> {
  const [totals] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined);
  return totals?.total ?? 0;
}
