import type { ReactNode } from 'react';
import fallback from './fallback.svg?url';
import { twemoji } from './twemoji.ts';

const PRESENTATION_SELECTOR = /\uFE0F/g;
const byEmoji = new Map(Object.entries(twemoji).map(([emoji, url]) => [emoji.replace(PRESENTATION_SELECTOR, ''), url]));

/** The bundled picture of an emoji, or undefined when the kiosk has none for it. */
export const iconUrl = (emoji: string): string | undefined => byEmoji.get(emoji.replace(PRESENTATION_SELECTOR, ''));

/**
 * An emoji (ours, or one the centre published in the catalogue) drawn from the SVG shipped with the app. One the
 * kiosk does not know becomes a neutral marker rather than whatever the tablet's fonts make of it (an empty box
 * without an emoji font). Always decorative: the text beside it says what it means.
 */
export function Icon({ emoji, className }: { emoji: string; className?: string }) {
  return <img className={className ? `icon ${className}` : 'icon'} src={iconUrl(emoji) ?? fallback} alt="" aria-hidden="true" draggable={false} />;
}

/** An icon prop as components take it: an emoji string is drawn with Icon, anything else (a glyph) as it is. */
export const asIcon = (icon: ReactNode): ReactNode => (typeof icon === 'string' ? <Icon emoji={icon} /> : icon);
