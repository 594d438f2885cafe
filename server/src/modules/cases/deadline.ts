import type { CaseState } from './machine.js';
import { isClosed } from './machine.js';

export type DueStatus = 'none' | 'green' | 'yellow' | 'red';

export interface DueInput {
  state: CaseState;
  acceptedAt: Date | null;
  dueAt: Date | null;
  pausedAt: Date | null;
}

/** The share of the time from acceptance to due still left at a moment, from 0 to 1. */
export type ShareLeft = (acceptedAt: Date, dueAt: Date, at: Date) => number;

/** Plain elapsed time; the working-day calendar gives the share in office hours instead. */
export const elapsedShareLeft: ShareLeft = (acceptedAt, dueAt, at) => {
  const total = dueAt.getTime() - acceptedAt.getTime();
  return total <= 0 ? 0 : Math.max(0, (dueAt.getTime() - at.getTime()) / total);
};

/**
 * Green, yellow or red for an open case with a due time: red once overdue, yellow when no
 * more than `warningShare` of the limit is left. A case waiting for the applicant's supplement
 * is measured at the moment its clock stopped.
 */
export function dueStatus(
  input: DueInput,
  now: Date,
  warningShare: number,
  shareLeft: ShareLeft = elapsedShareLeft,
): DueStatus {
  if (isClosed(input.state) || !input.dueAt || !input.acceptedAt) {
    return 'none';
  }
  const at = input.pausedAt ?? now;
  if (at > input.dueAt) {
    return 'red';
  }
  return shareLeft(input.acceptedAt, input.dueAt, at) <= warningShare ? 'yellow' : 'green';
}
