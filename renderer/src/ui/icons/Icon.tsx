import { type ReactNode, useSyncExternalStore } from 'react';
import fallback from './fallback.svg?url';
import { twemoji } from './twemoji.ts';

const PRESENTATION_SELECTOR = /\uFE0F/g;
const byEmoji = new Map(Object.entries(twemoji).map(([emoji, url]) => [emoji.replace(PRESENTATION_SELECTOR, ''), url]));

/** The bundled picture of an emoji, or undefined when the kiosk has none for it. */
export const iconUrl = (emoji: string): string | undefined => byEmoji.get(emoji.replace(PRESENTATION_SELECTOR, ''));

let held = false;
const released = new Set<() => void>();
const isHeld = () => held;
const onRelease = (listener: () => void) => {
  released.add(listener);
  return () => released.delete(listener);
};

/**
 * Icons drawn before `shown` settles wait for it: every SVG picture is a document of its own, loaded and laid out
 * on the main thread (home's 14 took about half a second at 4× CPU), which held a start's first paint back by as
 * much. main.tsx holds them until the first screen is painted; nothing else does, so every screen after it (and
 * every test) draws its icons at once. Their box is there from the start: nothing moves when they come.
 */
export const holdIconsUntil = (shown: Promise<unknown>): void => {
  held = true;
  const release = () => {
    held = false;
    for (const listener of released) listener();
  };
  void shown.then(release, release);
};

/**
 * An emoji (ours, or one the centre published in the catalogue) drawn from the SVG shipped with the app. One the
 * kiosk does not know becomes a neutral marker rather than whatever the tablet's fonts make of it (an empty box
 * without an emoji font). Always decorative: the text beside it says what it means.
 */
export function Icon({ emoji, className }: { emoji: string; className?: string }) {
  const waiting = useSyncExternalStore(onRelease, isHeld, isHeld);
  return (
    <img className={className ? `icon ${className}` : 'icon'} src={waiting ? undefined : (iconUrl(emoji) ?? fallback)} alt="" aria-hidden="true" draggable={false} />
  );
}

/** An icon prop as components take it: an emoji string is drawn with Icon, anything else (a glyph) as it is. */
export const asIcon = (icon: ReactNode): ReactNode => (typeof icon === 'string' ? <Icon emoji={icon} /> : icon);
