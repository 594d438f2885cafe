import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type CaseDetail = Json<paths['/api/cases/{id}']['get']['responses'][200]>;
export type CaseList = Json<paths['/api/cases']['get']['responses'][200]>;
export type CaseRow = CaseList['items'][number];
export type CaseSummary = Json<paths['/api/cases']['post']['responses'][201]>;
export type CaseHolder = CaseDetail['holder'];
export type CaseState = CaseDetail['state'];
export type CaseAction = CaseDetail['allowedActions'][number];
export type DueStatus = CaseDetail['dueStatus'];
export type HandlingMode = NonNullable<CaseDetail['mode']>;
export type TrackReply = Json<paths['/api/track']['get']['responses'][200]>;

export const caseStates: readonly CaseState[] = [
  'submitted',
  'reviewing',
  'in-progress',
  'joint-review',
  'escalated',
  'awaiting-supplement',
  'completed',
  'refused',
  'withdrawn',
];
