import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationFilter, NotificationHistoryResponse, NotificationListResponse } from '../../../../shared/notifications';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

export const notificationKeys = {
  all: queryRoots.notifications,
  latest: [...queryRoots.notifications, 'latest'] as const,
  history: (filter: NotificationFilter, page: number) => [...queryRoots.notifications, 'history', filter, page] as const,
};

export const NOTIFICATION_PAGE_SIZE = 25;

// Polled while the app is open, so a new request from the division shows up without a reload.
export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.latest, queryFn: () => api<NotificationListResponse>('/notifications', { query: { limit: 20 } }), refetchInterval: 60_000, staleTime: 15_000 });
}

// The inbox page; the previous page stays on screen while the next one loads.
export function useNotificationHistory(filter: NotificationFilter, page: number) {
  return useQuery({
    queryKey: notificationKeys.history(filter, page),
    queryFn: () => api<NotificationHistoryResponse>('/notifications/history', { query: { filter, page, pageSize: NOTIFICATION_PAGE_SIZE } }),
    placeholderData: (previous) => previous,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
