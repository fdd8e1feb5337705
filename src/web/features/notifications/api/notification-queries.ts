import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationListResponse } from '../../../../shared/notifications';
import { api } from '../../../lib/api';

const KEY = ['notifications'] as const;

// Polled while the app is open, so a new request from the division shows up without a reload.
export function useNotifications() {
  return useQuery({ queryKey: KEY, queryFn: () => api<NotificationListResponse>('/notifications', { query: { limit: 20 } }), refetchInterval: 60_000, staleTime: 15_000 });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
