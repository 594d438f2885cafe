import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, data, isApiError, setCsrfToken } from '../../api/client';
import type { paths } from '../../api/schema';

export type Me = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type Role = Me['role'];

export const meKey = ['me'] as const;

/** Window roles: they work a unit's cases at the desk. */
export const deskRoles: readonly Role[] = ['staff', 'window-lead', 'unit-admin'];
/** The center sees every unit's cases and manages the catalogue and calendar. */
export const centerRoles: readonly Role[] = ['center', 'center-admin'];
/** Who may edit the catalogue; units ask the center for changes (Art. 6, 7). */
export const catalogEditorRoles: readonly Role[] = ['center', 'center-admin'];

/** The signed-in user, or null for a visitor. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await data(api.GET('/api/auth/me'));
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (isApiError(error, 401)) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Call after login or register with the reply's user, so every page sees it at once. */
export function useSetMe() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      setCsrfToken(me?.csrfToken ?? null);
      queryClient.setQueryData(meKey, me);
    },
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await api.POST('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(meKey, null);
    }
  }, [queryClient]);
}

export function hasRole(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(me && roles.includes(me.role));
}
