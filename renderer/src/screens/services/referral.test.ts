import { describe, expect, it } from 'vitest';
import { queueNumber, spokenQueueNumber } from './referral.ts';

describe('queue numbers', () => {
  it('are A and three digits', () => {
    expect(queueNumber(1)).toBe('A001');
    expect(queueNumber(7)).toBe('A007');
    expect(queueNumber(42)).toBe('A042');
    expect(queueNumber(999)).toBe('A999');
  });

  it('are read aloud one character at a time', () => {
    expect(spokenQueueNumber('A007')).toBe('A 0 0 7');
  });
});
