import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
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

// A pending mail whose first attempt never happened (the process stopped between the commit and
// the send) is taken after `firstAttemptGraceMs`, so that a send still under way is not doubled.
export async function selectRetryDue(db: Db, options: { now: Date; firstAttemptGraceMs: number; limit: number }): Promise<string[]> {
  const due = sql`coalesce(${outbox.nextAttemptAt}, ${outbox.createdAt} + ${`${String(options.firstAttemptGraceMs)} milliseconds`}::interval)`;
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(due, options.now)))
    .orderBy(outbox.createdAt)
    .limit(options.limit);
  return rows.map((row) => row.id);
}

// Claims one due mail for one attempt by moving its next attempt past the lease: of two
// processes that selected it, only one gets the row back.
export async function claimRetry(db: Db, options: { id: string; now: Date; leaseUntil: Date; firstAttemptGraceMs: number }): Promise<OutboxRow | undefined> {
  const due = sql`coalesce(${outbox.nextAttemptAt}, ${outbox.createdAt} + ${`${String(options.firstAttemptGraceMs)} milliseconds`}::interval)`;
  const [row] = await db
    .update(outbox)
    .set({ nextAttemptAt: options.leaseUntil })
    .where(and(eq(outbox.id, options.id), eq(outbox.status, 'pending'), lte(due, options.now)))
    .returning();
  return row;
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
