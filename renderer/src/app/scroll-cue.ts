/** Content this many pixels or fewer below the fold is a rounding error or a margin, not more to see. */
const SLACK_PX = 8;

/** Whether a scrolling area has something below its visible part. */
export const hasMoreBelow = ({ scrollTop, clientHeight, scrollHeight }: { scrollTop: number; clientHeight: number; scrollHeight: number }): boolean =>
  scrollHeight - (scrollTop + clientHeight) > SLACK_PX;

/**
 * How far one tap on the cue scrolls: most of a screen, so the last lines seen stay in view as a landmark and
 * nothing is skipped.
 */
export const cueStep = (clientHeight: number): number => Math.max(1, Math.round(clientHeight * 0.7));
