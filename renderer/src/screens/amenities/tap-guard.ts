/** How long a second tap on the same button is taken as a shaky double tap rather than a second use. */
export const DOUBLE_TAP_MS = 1500;

export interface TapGuard {
  /** True for a tap to act on; false for a repeat of the same button within the window. */
  accept(button: string): boolean;
}

/** Remembers when each button last counted, so a trembling hand's double tap is tallied once. */
export const createTapGuard = (windowMs: number = DOUBLE_TAP_MS, now: () => number = () => performance.now()): TapGuard => {
  const last = new Map<string, number>();
  return {
    accept(button) {
      const at = now();
      const previous = last.get(button);
      if (previous !== undefined && at - previous < windowMs) return false;
      last.set(button, at);
      return true;
    },
  };
};
