import { useQuery } from '@tanstack/react-query';
import type { HomeView } from '../../../../shared/home';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

export const homeKeys = { tasks: [...queryRoots.home, 'tasks'] as const };

// What waits for the signed-in person. Read fresh on every visit: the tasks come from every other
// feature's writes.
export function useHome() {
  return useQuery({ queryKey: homeKeys.tasks, queryFn: () => api<HomeView>('/home') });
}
