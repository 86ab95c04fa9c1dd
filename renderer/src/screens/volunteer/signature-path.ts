import { signaturePathSchema } from '@protocol/records.ts';

/** The box a stored signature is drawn in (records.ts shiftEventSchema.signature). */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;
const MAX_LENGTH = 24_000;

interface Stroke {
  points: readonly { x: number; y: number }[];
}

/**
 * A drawn signature as SVG path data in the 600×200 box, its shape kept: one "M … L …" run per stroke, whole numbers only, and
 * points closer than `step` to the last one dropped, so a long signature stays within the record's limit (the
 * step grows until it fits). Path data only, never markup: nothing in it can run when staff display it.
 */
export const signaturePath = (strokes: readonly Stroke[], canvas: { width: number; height: number }): string | null => {
  // One scale for both axes: the box on screen takes the height the screen leaves it, so it is not always 3:1,
  // and a signature stretched to fill 600×200 would not look like the one the volunteer drew.
  const scale = Math.min(SIGNATURE_BOX.width / Math.max(canvas.width, 1), SIGNATURE_BOX.height / Math.max(canvas.height, 1));
  for (let step = 2; step <= 64; step *= 2) {
    const parts: string[] = [];
    for (const stroke of strokes) {
      let last: { x: number; y: number } | null = null;
      const run: string[] = [];
      for (const point of stroke.points) {
        const x = Math.round(Math.min(Math.max(point.x * scale, 0), SIGNATURE_BOX.width));
        const y = Math.round(Math.min(Math.max(point.y * scale, 0), SIGNATURE_BOX.height));
        if (last && Math.hypot(x - last.x, y - last.y) < step) continue;
        run.push(`${run.length === 0 ? 'M' : 'L'}${x} ${y}`);
        last = { x, y };
      }
      // A dot is a stroke too: draw it as a tiny line so it shows.
      if (run.length === 1 && last) run.push(`L${last.x + 1} ${last.y}`);
      if (run.length > 0) parts.push(run.join(' '));
    }
    const path = parts.join(' ');
    if (path.length === 0) return null;
    if (path.length <= MAX_LENGTH && signaturePathSchema.safeParse(path).success) return path;
  }
  return null;
};
