import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { CaseAction, CaseDetail, CaseState } from './types';

export interface CaseListFilters {
  state?: CaseState | undefined;
  q?: string | undefined;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

function listQuery(filters: CaseListFilters) {
  return {
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.mine ? { mine: 'true' as const } : {}),
    page: filters.page ?? 1,
    pageSize: filters.pageSize ?? 20,
  };
}

export function fetchCases(filters: CaseListFilters) {
  return data(api.GET('/api/cases', { params: { query: listQuery(filters) } }));
}

/** Every case matching the filters, page by page, for an export. */
export async function fetchAllCases(filters: CaseListFilters) {
  const pageSize = 200;
  const first = await fetchCases({ ...filters, page: 1, pageSize });
  const rows = [...first.items];
  for (let page = 2; (page - 1) * pageSize < first.total; page += 1) {
    rows.push(...(await fetchCases({ ...filters, page, pageSize })).items);
  }
  return rows;
}

export function useCases(filters: CaseListFilters) {
  return useQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: () => fetchCases(filters),
    placeholderData: (previous) => previous,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => data(api.GET('/api/cases/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export interface ActionInput {
  reason?: string;
  rule?: string;
  note?: string;
}

/** One step of the case; the reply is the case as it now stands. */
export function useCaseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, input }: { action: CaseAction; input: ActionInput }) =>
      data(
        api.POST('/api/cases/{id}/actions/{action}', {
          params: { path: { id, action } },
          body: input,
        }),
      ),
    onSuccess: (detail: CaseDetail) => {
      queryClient.setQueryData(['cases', 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}
