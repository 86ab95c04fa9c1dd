import { signaturePathSchema } from '@protocol/records.ts';
import { describe, expect, it } from 'vitest';
import { signaturePath } from './signature-path.ts';

describe('signaturePath', () => {
  it('scales strokes into the 600×200 box as whole-number path data', () => {
    const path = signaturePath([{ points: [{ x: 0, y: 0 }, { x: 150, y: 50 }, { x: 300, y: 100 }] }, { points: [{ x: 10, y: 90 }] }], { width: 300, height: 100 });
    expect(path).toBe('M0 0 L300 100 L600 200 M20 180 L21 180');
    expect(signaturePathSchema.safeParse(path).success).toBe(true);
  });

  it('keeps the drawing\'s shape from a box of another shape: a circle stays a circle', () => {
    // A circle of radius 50 drawn in a 900×180 box (landscape, large text) and in a 500×300 one (portrait).
    const circle = (cx: number, cy: number) => ({ points: Array.from({ length: 33 }, (_, i) => ({ x: cx + 50 * Math.cos((i / 32) * 2 * Math.PI), y: cy + 50 * Math.sin((i / 32) * 2 * Math.PI) })) });
    for (const [canvas, centre] of [[{ width: 900, height: 180 }, [450, 90]], [{ width: 500, height: 300 }, [250, 150]]] as const) {
      const points = [...signaturePath([circle(centre[0], centre[1])], canvas)!.matchAll(/[ML](\d+) (\d+)/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
      const width = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
      const height = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
      expect(Math.abs(width - height)).toBeLessThanOrEqual(2);
      expect(Math.max(...points.map((p) => p.x))).toBeLessThanOrEqual(600);
      expect(Math.max(...points.map((p) => p.y))).toBeLessThanOrEqual(200);
    }
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
