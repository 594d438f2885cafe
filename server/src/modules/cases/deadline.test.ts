import { describe, expect, it } from 'vitest';
import { dueStatus } from './deadline.js';

const acceptedAt = new Date('2026-03-02T02:00:00Z');
const dueAt = new Date('2026-03-12T02:00:00Z'); // 10 days later: 240 hours

describe('deadline colour', () => {
  const open = { state: 'in-progress' as const, acceptedAt, dueAt, pausedAt: null };

  it('R-CASE-3 is green while more than a quarter of the time is left', () => {
    // 179 of 240 hours used: 61 h (25.4 %) left.
    expect(dueStatus(open, new Date('2026-03-09T13:00:00Z'), 0.25)).toBe('green');
  });

  it('R-CASE-3 turns yellow with a quarter of the time left', () => {
    // 180 of 240 hours used: 60 h (25 %) left.
    expect(dueStatus(open, new Date('2026-03-09T14:00:00Z'), 0.25)).toBe('yellow');
  });

  it('R-CASE-3 turns red once overdue', () => {
    expect(dueStatus(open, new Date('2026-03-12T02:00:01Z'), 0.25)).toBe('red');
  });

  it('R-CASE-3 a closed case has no colour', () => {
    expect(dueStatus({ ...open, state: 'completed' }, new Date('2026-04-01'), 0.25)).toBe('none');
  });
});

describe('the clock while a case waits for a supplement', () => {
  it('R-CASE-6 never turns yellow or red while waiting, however long', () => {
    const waiting = {
      state: 'awaiting-supplement' as const,
      acceptedAt,
      dueAt,
      pausedAt: new Date('2026-03-03T02:00:00Z'), // stopped with 216 of 240 hours left
    };
    for (const now of ['2026-03-11T00:00:00Z', '2026-03-13T00:00:00Z', '2027-01-01T00:00:00Z']) {
      expect(dueStatus(waiting, new Date(now), 0.25)).toBe('green');
    }
  });
});

describe('the warning share in office hours', () => {
  it('R-CASE-3 uses the share left that it is given, such as the calendar’s office hours', () => {
    const open = { state: 'in-progress' as const, acceptedAt, dueAt, pausedAt: null };
    const at = new Date('2026-03-04T02:00:00Z');
    expect(dueStatus(open, at, 0.25, () => 0.25)).toBe('yellow');
    expect(dueStatus(open, at, 0.25, () => 0.26)).toBe('green');
  });
});
