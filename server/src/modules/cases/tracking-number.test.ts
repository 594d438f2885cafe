import { describe, expect, it } from 'vitest';
import { makeTrackingNo } from './tracking-number.js';

describe('tracking numbers', () => {
  it('R-CASE-1 carry the filing date in Shanghai, not in the server zone', () => {
    // 2026-03-01 17:30 UTC is already 2026-03-02 01:30 in Shanghai.
    expect(makeTrackingNo(new Date('2026-03-01T17:30:00Z'))).toMatch(
      /^OS260302-[2-9A-HJKMNP-Z]{6}$/,
    );
  });

  it('R-CASE-1 are not guessable from one another', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const numbers = new Set(Array.from({ length: 200 }, () => makeTrackingNo(at)));
    expect(numbers.size).toBe(200);
  });
});
