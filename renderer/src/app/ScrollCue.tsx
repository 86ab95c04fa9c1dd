import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cueStep, hasMoreBelow } from './scroll-cue.ts';
import { MoreBelowGlyph } from '../ui/icons/glyphs.tsx';

/**
 * "More below" under the scrolling main area whenever part of the screen lies below the fold, so a resident who
 * never learned to swipe sees that there is more and reaches it with a tap. It sits outside the scrolling area,
 * so it never covers what it points to.
 */
export const ScrollCue = memo(function ScrollCue({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  useEffect(() => {
    const area = document.getElementById(areaId);
    if (!area) return;
    const look = () => setMore(hasMoreBelow(area));
    look();
    area.addEventListener('scroll', look, { passive: true });
    // The area resizes with the window and the cue itself; its content changes with every screen and answer.
    const resized = new ResizeObserver(look);
    resized.observe(area);
    const changed = new MutationObserver(look);
    changed.observe(area, { childList: true, subtree: true, characterData: true, attributes: true });
    return () => {
      area.removeEventListener('scroll', look);
      resized.disconnect();
      changed.disconnect();
    };
  }, [areaId]);
  if (!more) return null;
  const scrollDown = () => {
    const area = document.getElementById(areaId);
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    area?.scrollBy({ top: cueStep(area.clientHeight), behavior: still ? 'auto' : 'smooth' });
  };
  return (
    <button type="button" className="scroll-cue" data-scroll-cue aria-controls={areaId} onClick={scrollDown}>
      <span className="scroll-cue__arrow" aria-hidden="true"><MoreBelowGlyph /></span>
      {t('scroll.more')}
    </button>
  );
});
