/**
 * How long after the waking finger lifts its click may still come. A browser sends it within a frame or two;
 * the bound only matters when it never comes and nothing else ends the gesture.
 */
const AFTER_LIFT_MS = 1000;

/** What a click carries to say which pointer made it; absent where the browser does not tell (older engines, jsdom). */
const pointerOf = (event: Event): number | undefined => ('pointerId' in event ? (event as PointerEvent).pointerId : undefined);

/**
 * Swallows the click that belongs to the tap waking the screen: by the time the browser sends it, the overlay
 * is gone and the click would land on whatever button lay underneath the resident's finger.
 *
 * Only that gesture's click: one from the waking pointer (a click made another way, a key on a focused button
 * or another pointer, is not it), before any new touch begins and before the waking one is cancelled (a
 * cancelled pointer gets no click). So when the wake tap's click is never delivered, the resident's next real
 * tap, which starts with its own pointerdown, goes through. Returns the function that stops swallowing.
 */
export const swallowWakingClick = (waking: PointerEvent, target: Window = window): (() => void) => {
  const wakingPointer = waking.pointerId;
  let lifted: ReturnType<typeof setTimeout> | undefined;
  const ours = (event: Event) => {
    const pointer = pointerOf(event);
    return pointer === undefined || pointer === wakingPointer;
  };
  const onClick = (event: Event) => {
    if (!ours(event)) return;
    event.preventDefault();
    event.stopPropagation();
    stop();
  };
  const onPointerDown = (event: Event) => {
    // The waking pointerdown itself is still being dispatched when this is added; any other starts a new gesture.
    if (event !== waking) stop();
  };
  const onPointerUp = (event: Event) => {
    if (!ours(event)) return;
    clearTimeout(lifted);
    lifted = setTimeout(stop, AFTER_LIFT_MS);
  };
  const onPointerCancel = (event: Event) => {
    if (ours(event)) stop();
  };
  const listeners = [
    ['click', onClick],
    ['pointerdown', onPointerDown],
    ['pointerup', onPointerUp],
    ['pointercancel', onPointerCancel],
  ] as const;
  function stop() {
    clearTimeout(lifted);
    for (const [type, listener] of listeners) target.removeEventListener(type, listener, true);
  }
  for (const [type, listener] of listeners) target.addEventListener(type, listener, true);
  return stop;
};
