import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationListResponse, NotificationView } from '../../../shared/notifications';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import type { ActorCtx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { users } from '../users/users.table';
import { notifications } from './notifications.table';

export type Notice = { kind: string; title: string; body?: string | null; link?: string | null; entity?: string; entityId?: string };

// Active accounts of these roles, or of one OPD: whom a notice about a proposal reaches.
export async function findRecipients(db: Db, who: { roles?: Role[]; unitId?: string | null }): Promise<string[]> {
  const byRole = who.roles && who.roles.length > 0 ? inArray(users.role, who.roles) : undefined;
  const byUnit = who.unitId ? and(eq(users.role, 'opd'), eq(users.unitId, who.unitId)) : undefined;
  if (!byRole && !byUnit) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isActive, true), byRole && byUnit ? sql`(${byRole} OR ${byUnit})` : (byRole ?? byUnit)));
  return rows.map((row) => row.id);
}

// Written in the caller's transaction, with the change it reports.
export async function notifyUsers(db: Db, userIds: string[], notice: Notice, now: Date): Promise<void> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  await db.insert(notifications).values(
    recipients.map((userId) => ({
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? null,
      link: notice.link ?? null,
      entity: notice.entity ?? null,
      entityId: notice.entityId ?? null,
      createdAt: now,
    })),
  );
}

function toView(row: typeof notifications.$inferSelect): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entity: row.entity,
    entityId: row.entityId,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

// Everyone reads their own notices only; there is nothing to forbid, only to scope.
export async function listNotifications(ctx: ActorCtx, options: { unreadOnly: boolean; limit: number }): Promise<NotificationListResponse> {
  const mine = eq(notifications.userId, ctx.actor.id);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  const [unread] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  return { items: rows.map(toView), unreadCount: unread?.total ?? 0 };
}

// Another person's notice answers 404, as if it did not exist.
export async function markNotificationRead(ctx: ActorCtx, id: string): Promise<NotificationView> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id))).for('update');
    if (!row) throw notFound('Notifikasi', 'Notification');
    if (row.readAt) return toView(row);
    const [updated] = await tx.update(notifications).set({ readAt: ctx.now }).where(eq(notifications.id, id)).returning();
    await recordAudit(tx, { actor: ctx.actor, entity: 'notification', entityId: id, action: 'read', at: ctx.now, changes: [{ field: 'readAt', old: null, new: ctx.now.toISOString() }] });
    return toView(updated ?? row);
  });
}

export async function markAllNotificationsRead(ctx: ActorCtx): Promise<{ updated: number }> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await recordAudit(tx, { actor: ctx.actor, entity: 'notification', entityId: ctx.actor.id, action: 'read_all', at: ctx.now, changes: [{ field: 'count', old: null, new: rows.length }] });
    }
    return { updated: rows.length };
  });
}
