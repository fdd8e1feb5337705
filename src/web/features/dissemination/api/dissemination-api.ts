import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventInput, EventView, PackageAction, PackageView, SavePackageInput, TrackingRow } from '../../../../shared/dissemination';
import { api, ApiError, downloadFile, errorFromResponse } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.dissemination;

export const disseminationKeys = {
  all: root,
  package: (agreementId: string) => [...root, 'package', agreementId] as const,
  tracking: [...root, 'tracking'] as const,
  events: (agreementId: string) => [...root, 'events', agreementId] as const,
};

// null when the agreement has no package yet (the editor then starts an empty one).
export function usePackage(agreementId: string) {
  return useQuery({
    queryKey: disseminationKeys.package(agreementId),
    queryFn: async () => {
      try {
        return await api<PackageView>(`/agreements/${agreementId}/dissemination`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useTracking() {
  return useQuery({ queryKey: disseminationKeys.tracking, queryFn: () => api<TrackingRow[]>('/dissemination') });
}

function useRefresh(agreementId: string) {
  const client = useQueryClient();
  return (view: PackageView) => {
    client.setQueryData(disseminationKeys.package(agreementId), view);
    void client.invalidateQueries({ queryKey: disseminationKeys.tracking });
    void client.invalidateQueries({ queryKey: queryRoots.plans });
  };
}

export function useSavePackage(agreementId: string) {
  const refresh = useRefresh(agreementId);
  return useMutation({
    mutationFn: (input: SavePackageInput) => api<PackageView>(`/agreements/${agreementId}/dissemination`, { method: 'PUT', body: input }),
    onSuccess: refresh,
  });
}

export function usePackageAction(agreementId: string) {
  const refresh = useRefresh(agreementId);
  return useMutation({
    mutationFn: (input: { action: PackageAction; version: number; note?: string }) => api<PackageView>(`/agreements/${agreementId}/dissemination/transition`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useAcknowledge(agreementId: string) {
  const refresh = useRefresh(agreementId);
  return useMutation({
    mutationFn: () => api<PackageView>(`/agreements/${agreementId}/dissemination/acknowledge`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useDownloadSheet(agreementId: string) {
  return useMutation({ mutationFn: () => downloadFile(`/agreements/${agreementId}/dissemination/sheet.pdf`, 'lembar-diseminasi.pdf') });
}

export function useEvents(agreementId: string) {
  return useQuery({ queryKey: disseminationKeys.events(agreementId), queryFn: () => api<EventView[]>(`/agreements/${agreementId}/dissemination-events`) });
}

export function useCreateEvent(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, photos }: { input: EventInput; photos: File[] }) => {
      const event = await api<EventView>(`/agreements/${agreementId}/dissemination-events`, { method: 'POST', body: input });
      for (const photo of photos) {
        const form = new FormData();
        form.append('file', photo);
        const response = await fetch(`/api/dissemination-events/${event.id}/photos`, { method: 'POST', body: form, credentials: 'same-origin' });
        if (!response.ok) {
          throw await errorFromResponse(response);
        }
      }
      return event;
    },
    onSettled: () => client.invalidateQueries({ queryKey: disseminationKeys.events(agreementId) }),
  });
}
