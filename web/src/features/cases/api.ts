import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, postForm } from '../../api/client';
import type { paths } from '../../api/schema';
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

/** What a step may carry: a reason, the rule, a one-time notice's entries, a window … */
export type ActionInput = NonNullable<
  paths['/api/cases/{id}/actions/{action}']['post']['requestBody']
>['content']['application/json'];

function useOnCaseChange(id: string) {
  const queryClient = useQueryClient();
  return (detail: CaseDetail) => {
    queryClient.setQueryData(['cases', 'detail', id], detail);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  };
}

/** One step of the case; the reply is the case as it now stands. */
export function useCaseAction(id: string) {
  const onChange = useOnCaseChange(id);
  return useMutation({
    mutationFn: ({ action, input }: { action: CaseAction; input: ActionInput }) =>
      data(
        api.POST('/api/cases/{id}/actions/{action}', {
          params: { path: { id, action } },
          body: input,
        }),
      ),
    onSuccess: onChange,
  });
}

/** The applicant answers a one-time notice with the missing materials (Art. 15(5)). */
export function useResubmit(id: string) {
  const onChange = useOnCaseChange(id);
  return useMutation({
    mutationFn: ({ files, note }: { files: { key: string; file: File }[]; note?: string }) => {
      const form = new FormData();
      if (note) {
        form.set('note', note);
      }
      for (const { key, file } of files) {
        form.append(`material:${key}`, file, file.name);
      }
      return postForm<CaseDetail>(`/api/cases/${id}/resubmit`, form);
    },
    onSuccess: onChange,
  });
}
