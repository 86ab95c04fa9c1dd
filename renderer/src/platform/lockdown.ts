/**
 * Browser-side half of the touch lockdown (the Electron shell adds the rest): CSS already stops pinch and
 * double-tap zoom (touch-action) and selection; this stops ctrl+wheel zoom and the long-press context menu.
 */
export const lockDownTouch = (target: Document = document): (() => void) => {
  const noZoom = (e: WheelEvent) => e.ctrlKey && e.preventDefault();
  const noMenu = (e: Event) => e.preventDefault();
  target.addEventListener('wheel', noZoom, { passive: false });
  target.addEventListener('contextmenu', noMenu);
  return () => {
    target.removeEventListener('wheel', noZoom);
    target.removeEventListener('contextmenu', noMenu);
  };
};
