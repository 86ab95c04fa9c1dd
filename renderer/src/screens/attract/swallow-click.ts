/** Long enough for a tap's click to follow its pointerdown, short enough not to eat a deliberate next tap. */
const WINDOW_MS = 1000;

/**
 * Swallows the click that follows the tap waking the screen: by the time the browser sends it, the overlay is
 * gone and the click would land on whatever button lay underneath the resident's finger.
 */
export const swallowNextClick = (target: Window = window): void => {
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    stop();
  };
  const timer = setTimeout(() => stop(), WINDOW_MS);
  function stop() {
    clearTimeout(timer);
    target.removeEventListener('click', swallow, true);
  }
  target.addEventListener('click', swallow, true);
};
