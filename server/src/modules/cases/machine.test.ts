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

describe('every transition of the six ways of handling', () => {
  // Written out by hand from Art. 15: [state, action, next state or null when forbidden].
  const table: [string, string, string | null][] = [
    ['submitted', 'take', 'reviewing'],
    ['submitted', 'hand-over', 'submitted'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['submitted', 'accept-promised', null],
    ['reviewing', 'complete-immediately', 'completed'],
    ['reviewing', 'accept-promised', 'in-progress'],
    ['reviewing', 'accept-joint', 'joint-review'],
    ['reviewing', 'escalate', 'escalated'],
    ['reviewing', 'request-supplement', 'awaiting-supplement'],
    ['reviewing', 'refuse', 'refused'],
    ['reviewing', 'hand-over', 'submitted'],
    ['reviewing', 'complete', null],
    ['in-progress', 'complete', 'completed'],
    ['in-progress', 'refuse', 'refused'],
    ['in-progress', 'request-supplement', 'awaiting-supplement'],
    ['in-progress', 'complete-immediately', null],
    ['in-progress', 'hand-over', null],
    ['joint-review', 'complete', 'completed'],
    ['joint-review', 'refuse', 'refused'],
    ['joint-review', 'request-supplement', 'awaiting-supplement'],
    ['escalated', 'complete', 'completed'],
    ['escalated', 'refuse', 'refused'],
    ['escalated', 'request-supplement', null],
    ['awaiting-supplement', 'resubmit', 'reviewing'],
    ['awaiting-supplement', 'withdraw', 'withdrawn'],
    ['awaiting-supplement', 'complete', null],
    ['awaiting-supplement', 'refuse', null],
    ['completed', 'refuse', null],
    ['refused', 'resubmit', null],
  ];

  it.each(table)('R-CASE-11 %s + %s → %s', (state, action, expected) => {
    expect(nextState(state as never, action as never)).toBe(expected);
  });

  it('R-CASE-6 a supplement returns the case to the first review, to continue as any mode', () => {
    const back = nextState('awaiting-supplement', 'resubmit');
    expect(back).toBe('reviewing');
    expect(allowedActions('reviewing')).toEqual(
      expect.arrayContaining(['complete-immediately', 'accept-promised', 'accept-joint']),
    );
  });

  it('R-CASE-4 R-CASE-5 joint and escalated cases take their mode on acceptance', () => {
    expect(transitions['accept-joint'].mode).toBe('joint');
    expect(transitions.escalate.mode).toBe('escalated');
    expect(transitions['request-supplement'].mode).toBe('supplement');
  });
});
