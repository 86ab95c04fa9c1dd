import { signaturePathSchema } from '@protocol/records.ts';
import { describe, expect, it } from 'vitest';
import { signaturePath } from './signature-path.ts';

describe('signaturePath', () => {
  it('scales strokes into the 600×200 box as whole-number path data', () => {
    const path = signaturePath([{ points: [{ x: 0, y: 0 }, { x: 150, y: 50 }, { x: 300, y: 100 }] }, { points: [{ x: 10, y: 90 }] }], { width: 300, height: 100 });
    expect(path).toBe('M0 0 L300 100 L600 200 M20 180 L21 180');
    expect(signaturePathSchema.safeParse(path).success).toBe(true);
  });

  it('thins a very long signature until it fits the record', () => {
    // A long scribble back and forth across the pad, a point every pixel or so, as a finger draws it.
    const points = Array.from({ length: 20_000 }, (_, i) => ({ x: 300 + 280 * Math.sin(i / 300), y: 100 + 90 * Math.sin(i / 23) }));
    const path = signaturePath([{ points }], { width: 600, height: 200 });
    expect(path).not.toBeNull();
    expect(path!.length).toBeLessThanOrEqual(24_000);
    expect(signaturePathSchema.safeParse(path).success).toBe(true);
  });

  it('has nothing to store for an empty pad, and clamps points drawn past the edge', () => {
    expect(signaturePath([], { width: 600, height: 200 })).toBeNull();
    expect(signaturePath([{ points: [{ x: -20, y: 500 }, { x: 900, y: -3 }] }], { width: 600, height: 200 })).toBe('M0 200 L600 0');
  });
});
