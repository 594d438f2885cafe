import { describe, expect, it } from 'vitest';
import { maskIdCard, maskPhone, maskUrlForLog } from './mask.js';

describe('masking personal numbers', () => {
  it('R-PLT-8 masks identity-card and phone numbers', () => {
    expect(maskIdCard('44010619990101123X')).toBe('440106********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('R-PLT-8 masks numbers and the tracked name in a logged URL', () => {
    expect(maskUrlForLog('/api/cases?q=13900001111')).toBe('/api/cases?q=139****1111');
    expect(maskUrlForLog('/api/cases?q=440106199901011234&page=2')).toBe(
      '/api/cases?q=440106********1234&page=2',
    );
    expect(
      maskUrlForLog(`/api/track?trackingNo=OS260302-ABCDEF&name=${encodeURIComponent('李同学')}`),
    ).toBe('/api/track?trackingNo=OS260302-ABCDEF&name=[masked]');
  });
});
