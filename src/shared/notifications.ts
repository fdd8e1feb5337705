import { z } from 'zod';
import { PAGE_SIZE_MAX } from './limits';

export const NotificationListQuerySchema = z.object({
  unreadOnly: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
});

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  entity: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
};

export type NotificationListResponse = { items: NotificationView[]; unreadCount: number };

// The inbox page: every notice of the signed-in user, newest first, a page at a time.
export const NOTIFICATION_FILTERS = ['all', 'unread'] as const;
export type NotificationFilter = (typeof NOTIFICATION_FILTERS)[number];

export const NotificationHistoryQuerySchema = z.object({
  filter: z.enum(NOTIFICATION_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
});
export type NotificationHistoryQuery = z.output<typeof NotificationHistoryQuerySchema>;

export type NotificationHistoryResponse = { items: NotificationView[]; total: number; page: number; pageSize: number; unreadCount: number };

export const OUTBOX_STATUSES = ['held', 'pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OutboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
});
export type OutboxQuery = z.output<typeof OutboxQuerySchema>;

// held: no SMTP server configured, kept for the division to read and pass on.
export type OutboxMailView = {
  id: string;
  to: string;
  subject: string;
  // Cleared once a mail is delivered: it may carry a private link.
  text: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type OutboxResponse = { items: OutboxMailView[]; total: number; page: number; pageSize: number };
