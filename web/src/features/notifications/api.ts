import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const notificationsKey = ['notifications'] as const;

/** My notifications and the unread count; polled while signed in (R-PLT-2). */
export function useNotifications(isSignedIn: boolean, limit = 50) {
  return useQuery({
    queryKey: [...notificationsKey, limit],
    queryFn: () => data(api.GET('/api/notifications', { params: { query: { limit } } })),
    enabled: isSignedIn,
    refetchInterval: 60_000,
  });
}

/** Marks one notification, or all when no id is given, as read. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => api.POST('/api/notifications/read', { body: id ? { id } : {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
