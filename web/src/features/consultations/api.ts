import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type ConsultationList = Json<paths['/api/consultations']['get']['responses'][200]>;
export type ConsultationRow = ConsultationList['items'][number];
export type ConsultationDetail = Json<paths['/api/consultations/{id}']['get']['responses'][200]>;
export type ConsultationState = ConsultationRow['state'];
export type ConsultationAction = ConsultationRow['allowedActions'][number];
export type AskInput =
  paths['/api/consultations']['post']['requestBody']['content']['application/json'];
export type ListQuery = NonNullable<paths['/api/consultations']['get']['parameters']['query']>;

export const consultationStates: readonly ConsultationState[] = [
  'open',
  'answered',
  'handed-over',
  'filed',
];

export function fetchConsultations(query: ListQuery) {
  return data(api.GET('/api/consultations', { params: { query } }));
}

export function useConsultations(query: ListQuery) {
  return useQuery({
    queryKey: ['consultations', 'list', query],
    queryFn: () => fetchConsultations(query),
    placeholderData: (previous) => previous,
  });
}

export function useConsultation(id: string | undefined) {
  return useQuery({
    queryKey: ['consultations', 'detail', id],
    queryFn: () => data(api.GET('/api/consultations/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
}

export function useAsk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AskInput) => data(api.POST('/api/consultations', { body: input })),
    onSuccess: (detail) => {
      queryClient.setQueryData(['consultations', 'detail', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
    },
  });
}

export type StepInput =
  | { action: 'claim' }
  | { action: 'answer'; answer: string }
  | { action: 'hand-over'; toWindowId: string; note?: string }
  | { action: 'mark-filed'; caseId?: string };

/** One step on a consultation; the reply is the consultation as it now stands. */
export function useConsultationStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: StepInput) => {
      const path = { id };
      switch (step.action) {
        case 'claim':
          return data(api.POST('/api/consultations/{id}/claim', { params: { path } }));
        case 'answer':
          return data(
            api.POST('/api/consultations/{id}/answer', {
              params: { path },
              body: { answer: step.answer },
            }),
          );
        case 'hand-over':
          return data(
            api.POST('/api/consultations/{id}/hand-over', {
              params: { path },
              body: { toWindowId: step.toWindowId, note: step.note ?? '' },
            }),
          );
        case 'mark-filed':
          return data(
            api.POST('/api/consultations/{id}/mark-filed', {
              params: { path },
              body: step.caseId ? { caseId: step.caseId } : {},
            }),
          );
      }
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(['consultations', 'detail', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['consultations', 'list'] });
    },
  });
}
