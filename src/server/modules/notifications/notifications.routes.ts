import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotificationHistoryQuerySchema, NotificationListQuerySchema } from '../../../shared/notifications';
import { actorCtxOf, typed } from '../../lib/http';
import { findNotificationHistory, listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance) {
  const api = typed(app);
  api.get('/notifications', { schema: { tags, querystring: NotificationListQuerySchema }, config: { access: 'signed-in' } }, (request) => {
    const unreadOnly = request.query.unreadOnly === '1' || request.query.unreadOnly === 'true';
    return listNotifications(actorCtxOf(request), { unreadOnly, limit: request.query.limit });
  });
  api.get('/notifications/history', { schema: { tags, querystring: NotificationHistoryQuerySchema }, config: { access: 'signed-in' } }, (request) =>
    findNotificationHistory(actorCtxOf(request), request.query),
  );
  api.post('/notifications/:id/read', { schema: { tags, params: z.object({ id: z.uuid() }) }, config: { access: 'signed-in' } }, (request) =>
    markNotificationRead(actorCtxOf(request), request.params.id),
  );
  api.post('/notifications/read-all', { schema: { tags }, config: { access: 'signed-in' } }, (request) => markAllNotificationsRead(actorCtxOf(request)));
}
