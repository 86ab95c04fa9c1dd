import { describe, expect, it } from 'vitest';
import { MAX_RANGES, parseByteRanges } from './byte-ranges.ts';

describe('parseByteRanges', () => {
  it('reads first-last, first-, and suffix ranges, clamped to the file, in the order asked', () => {
    expect(parseByteRanges('bytes=0-99', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 99 }] });
    expect(parseByteRanges('bytes=900-', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 900, end: 999 }] });
    expect(parseByteRanges('bytes=-100', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 900, end: 999 }] });
    expect(parseByteRanges('bytes=-5000', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 999 }] });
    expect(parseByteRanges('bytes=990-2000', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 990, end: 999 }] });
    expect(parseByteRanges('bytes=500-509, 0-9', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 500, end: 509 }, { start: 0, end: 9 }] });
  });

  it('416 only when no range is satisfiable; an unsatisfiable one among good ones is dropped', () => {
    expect(parseByteRanges('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRanges('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRanges('bytes=0-0', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRanges('bytes=0-9, 5000-', 1000)).toEqual({ kind: 'ranges', ranges: [{ start: 0, end: 9 }] });
  });

  it('ignores what it cannot read and what would cost more than the file: the whole file', () => {
    for (const header of [undefined, '', 'bytes=', 'bytes=abc', 'bytes=5-1', 'bytes=-', 'items=0-9', 'bytes=0-9;x', `bytes=${'9'.repeat(30)}-`]) {
      expect(parseByteRanges(header, 1000), String(header)).toEqual({ kind: 'whole' });
    }
    expect(parseByteRanges('bytes=0-599, 400-999', 1000)).toEqual({ kind: 'whole' });
    expect(parseByteRanges(`bytes=${Array.from({ length: MAX_RANGES + 1 }, (_, i) => `${i}-${i}`).join(',')}`, 10_000)).toEqual({ kind: 'whole' });
    expect(parseByteRanges(`bytes=${Array.from({ length: MAX_RANGES }, (_, i) => `${i}-${i}`).join(',')}`, 10_000).kind).toBe('ranges');
  });
});
