import type { CaseState } from './machine.js';
import { isClosed } from './machine.js';

export type DueStatus = 'none' | 'green' | 'yellow' | 'red';

export interface DueInput {
  state: CaseState;
  acceptedAt: Date | null;
  dueAt: Date | null;
  pausedAt: Date | null;
}

/**
 * Green, yellow or red for an open case with a due time: red once overdue, yellow when no
 * more than `warningShare` of the time from acceptance to due is left. A case waiting for the
 * applicant's supplement is measured at the moment its clock stopped.
 */
export function dueStatus(input: DueInput, now: Date, warningShare: number): DueStatus {
  if (isClosed(input.state) || !input.dueAt || !input.acceptedAt) {
    return 'none';
  }
  const at = input.pausedAt ?? now;
  const total = input.dueAt.getTime() - input.acceptedAt.getTime();
  const left = input.dueAt.getTime() - at.getTime();
  if (left < 0) {
    return 'red';
  }
  if (total <= 0 || left / total <= warningShare) {
    return 'yellow';
  }
  return 'green';
}
