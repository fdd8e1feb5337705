import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from './notifications.table';

export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  await db.insert(notifications).values(rows);
}

export function selectNotificationsOf(db: Db, options: { userId: string; unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  const mine = eq(notifications.userId, options.userId);
  return db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

// The inbox page's window and the count of everything the filter matches, for the pager.
export async function selectNotificationPageOf(
  db: Db,
  options: { userId: string; unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const mine = eq(notifications.userId, options.userId);
  const where = options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit)
    .offset(options.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(where);
  return { rows, total: count?.total ?? 0 };
}

export async function countUnreadOf(db: Db, userId: string): Promise<number> {
  const [unread] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return unread?.total ?? 0;
}

// Only the recipient's own notice, locked for the change.
export async function selectOwnNotificationForUpdate(db: Db, options: { id: string; userId: string }): Promise<NotificationRow | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, options.id), eq(notifications.userId, options.userId)))
    .for('update');
  return row ?? null;
}

export async function markRead(db: Db, options: { id: string; readAt: Date }): Promise<NotificationRow | undefined> {
  const [row] = await db.update(notifications).set({ readAt: options.readAt }).where(eq(notifications.id, options.id)).returning();
  return row;
}

export async function markAllUnreadRead(db: Db, options: { userId: string; readAt: Date }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: options.readAt })
    .where(and(eq(notifications.userId, options.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
