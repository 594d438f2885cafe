import { describe, expect, it } from 'vitest';
import { allowedActions, caseStates, isClosed, nextState, transitions } from './machine.js';

describe('case lifecycle', () => {
  it('R-CASE-2 an immediate case closes from the first review in one step', () => {
    expect(nextState('reviewing', 'complete-immediately')).toBe('completed');
    expect(transitions['complete-immediately'].mode).toBe('immediate');
  });

  it('R-CASE-3 a promised case is accepted after the first review and completes from progress', () => {
    expect(nextState('submitted', 'accept-promised')).toBeNull();
    expect(nextState('reviewing', 'accept-promised')).toBe('in-progress');
    expect(nextState('in-progress', 'complete')).toBe('completed');
  });

  it('R-CASE-7 a reply refuses from the review or within the limit', () => {
    expect(nextState('reviewing', 'refuse')).toBe('refused');
    expect(nextState('in-progress', 'refuse')).toBe('refused');
    expect(nextState('submitted', 'refuse')).toBeNull();
  });

  it('R-CASE-11 no step leaves a closed case', () => {
    for (const state of caseStates.filter(isClosed)) {
      expect(allowedActions(state)).toEqual([]);
    }
  });

  it('R-CASE-1 an online filing waits for a window to take it', () => {
    expect(allowedActions('submitted')).toEqual(['take', 'withdraw', 'hand-over']);
  });
});
