import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import type { PromisedLimit } from '../catalog/content';

type DueQuery = paths['/api/calendar/due']['get']['parameters']['query'];

function dueQuery(limit: PromisedLimit, acceptedAt: string, campusId?: string): DueQuery {
  const base = { acceptedAt, limitKind: limit.kind, ...(campusId ? { campusId } : {}) };
  switch (limit.kind) {
    case 'working-days':
    case 'calendar-days':
      return { ...base, days: limit.days };
    case 'working-hours':
      return { ...base, hours: limit.hours };
    case 'working-days-range':
      return { ...base, maxDays: limit.maxDays };
    case 'on-the-spot':
    case 'none':
      return base;
  }
}

/** When something accepted now would be due under a limit, by the official calendar. */
export function useDuePreview(limit: PromisedLimit | undefined, campusId?: string) {
  // One moment per minute keeps the query key stable while the page is open.
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  return useQuery({
    queryKey: ['calendar', 'due', limit, campusId, minute],
    queryFn: () =>
      data(
        api.GET('/api/calendar/due', {
          params: { query: dueQuery(limit as PromisedLimit, minute, campusId) },
        }),
      ),
    enabled: Boolean(limit) && limit?.kind !== 'none',
    staleTime: 60_000,
  });
}
