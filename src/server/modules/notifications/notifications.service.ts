import type { NotificationHistoryQuery, NotificationHistoryResponse, NotificationListResponse, NotificationView } from '../../../shared/notifications';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../db/client';
import type { ActorCtx, Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import { findActiveUserIds } from '../users/users.service';
import {
  countUnreadOf,
  insertNotifications,
  markAllUnreadRead,
  markRead,
  selectNotificationPageOf,
  selectNotificationsOf,
  selectOwnNotificationForUpdate,
  type NotificationRow,
} from './notifications.repository';

export type Notice = { kind: string; title: string; body?: string | null; link?: string | null; entity?: string; entityId?: string };

// Active accounts of these roles, or of one OPD: whom a notice about a proposal reaches.
export function findRecipients(db: Db, who: { roles?: Role[]; unitId?: string | null }): Promise<string[]> {
  return findActiveUserIds(db, who);
}

// Written in the caller's transaction (ctx.db), with the change it reports, at the caller's clock.
export async function notifyUsers(ctx: Pick<Ctx, 'db' | 'now'>, { userIds, notice }: { userIds: string[]; notice: Notice }): Promise<void> {
  const { db, now } = ctx;
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  await insertNotifications(
    db,
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

function toView(row: NotificationRow): NotificationView {
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
  const rows = await selectNotificationsOf(ctx.db, { userId: ctx.actor.id, ...options });
  return { items: rows.map(toView), unreadCount: await countUnreadOf(ctx.db, ctx.actor.id) };
}

// The inbox page. Scoped to the actor like the bell: no id in the query can reach another person's notices.
export async function findNotificationHistory(ctx: ActorCtx, query: NotificationHistoryQuery): Promise<NotificationHistoryResponse> {
  const { rows, total } = await selectNotificationPageOf(ctx.db, {
    userId: ctx.actor.id,
    unreadOnly: query.filter === 'unread',
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize, unreadCount: await countUnreadOf(ctx.db, ctx.actor.id) };
}

// Another person's notice answers 404, as if it did not exist.
export async function markNotificationRead(ctx: ActorCtx, id: string): Promise<NotificationView> {
  return ctx.db.transaction(async (tx) => {
    const row = await selectOwnNotificationForUpdate(tx, { id, userId: ctx.actor.id });
    if (!row) throw notFound('Notifikasi', 'Notification');
    if (row.readAt) return toView(row);
    const updated = await markRead(tx, { id, readAt: ctx.now });
    await recordAudit(tx, { actor: ctx.actor, entity: 'notification', entityId: id, action: 'read', at: ctx.now, changes: [{ field: 'readAt', old: null, new: ctx.now.toISOString() }] });
    return toView(updated ?? row);
  });
}

export async function markAllNotificationsRead(ctx: ActorCtx): Promise<{ updated: number }> {
  return ctx.db.transaction(async (tx) => {
    const updated = await markAllUnreadRead(tx, { userId: ctx.actor.id, readAt: ctx.now });
    if (updated > 0) {
      await recordAudit(tx, { actor: ctx.actor, entity: 'notification', entityId: ctx.actor.id, action: 'read_all', at: ctx.now, changes: [{ field: 'count', old: null, new: updated }] });
    }
    return { updated };
  });
}
