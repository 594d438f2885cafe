import { useQuery } from '@tanstack/react-query';
import { api, data } from '../api/client';
import type { paths } from '../api/schema';

export type Org = paths['/api/org']['get']['responses'][200]['content']['application/json'];
export type Campus = Org['campuses'][number];
export type Unit = Org['units'][number];
export type Hall = Org['halls'][number];
export type Window = Org['windows'][number];

/** Campuses, halls, units and windows; they change seldom, so one read serves the visit. */
export function useOrg() {
  return useQuery({
    queryKey: ['org'],
    queryFn: () => data(api.GET('/api/org')),
    staleTime: 10 * 60_000,
  });
}
