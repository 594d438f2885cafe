import type { HandlingMode } from '../catalog/schema.js';

export const caseStates = [
  'submitted',
  'reviewing',
  'in-progress',
  'joint-review',
  'escalated',
  'awaiting-supplement',
  'completed',
  'refused',
  'withdrawn',
] as const;
/**
 * submitted: filed online, waiting for a window; reviewing: taken at a window for the first
 * review (初审); in-progress: accepted as promised, the limit counting; joint-review and
 * escalated: waiting for other units or an outside authority; awaiting-supplement: the
 * one-time notice is out and the clock is stopped; the last three are closed.
 */
export type CaseState = (typeof caseStates)[number];

export const closedStates: readonly CaseState[] = ['completed', 'refused', 'withdrawn'];

export const caseActions = [
  'take',
  'complete-immediately',
  'accept-promised',
  'accept-joint',
  'escalate',
  'request-supplement',
  'resubmit',
  'complete',
  'refuse',
  'withdraw',
  'hand-over',
] as const;
export type CaseAction = (typeof caseActions)[number];

interface Transition {
  from: readonly CaseState[];
  to: CaseState;
  /** The handling mode the case takes on this step, when the step decides it. */
  mode?: HandlingMode;
}

/** The case lifecycle of Art. 15 as one table: every allowed step and where it leads. */
export const transitions: Record<CaseAction, Transition> = {
  take: { from: ['submitted'], to: 'reviewing' },
  'complete-immediately': { from: ['reviewing'], to: 'completed', mode: 'immediate' },
  'accept-promised': { from: ['reviewing'], to: 'in-progress', mode: 'promised' },
  'accept-joint': { from: ['reviewing'], to: 'joint-review', mode: 'joint' },
  escalate: { from: ['reviewing'], to: 'escalated', mode: 'escalated' },
  'request-supplement': {
    from: ['reviewing', 'in-progress', 'joint-review'],
    to: 'awaiting-supplement',
    mode: 'supplement',
  },
  resubmit: { from: ['awaiting-supplement'], to: 'reviewing' },
  complete: { from: ['in-progress', 'joint-review', 'escalated'], to: 'completed' },
  refuse: { from: ['reviewing', 'in-progress', 'joint-review', 'escalated'], to: 'refused' },
  withdraw: { from: ['submitted', 'reviewing', 'awaiting-supplement'], to: 'withdrawn' },
  // First-ask responsibility (Art. 14): a window that is not the right one hands the case on.
  'hand-over': { from: ['submitted', 'reviewing'], to: 'submitted' },
};

export function isClosed(state: CaseState): boolean {
  return closedStates.includes(state);
}

/** The actions the table allows from a state. */
export function allowedActions(state: CaseState): CaseAction[] {
  return caseActions.filter((action) => transitions[action].from.includes(state));
}

/** Where an action leads from a state, or null when the table forbids it. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  const transition = transitions[action];
  return transition.from.includes(state) ? transition.to : null;
}
