import { afterEach, describe, expect, it, vi } from 'vitest';
import { swallowWakingClick } from './swallow-click.ts';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const button = () => {
  const el = document.createElement('button');
  const pressed = vi.fn();
  el.addEventListener('click', pressed);
  document.body.append(el);
  return { el, pressed };
};

type Input = 'mouse' | 'touch';
const MOUSE = 1;
const FINGER = 7;
const pointer = (type: string, pointerId: number, pointerType: Input) =>
  new PointerEvent(type, { pointerId, pointerType, isPrimary: true, bubbles: true, cancelable: true, composed: true });

/** What a browser sends for one tap on `el`, split so a test can leave parts out. */
const tap = (el: Element, pointerId: number, pointerType: Input) => ({
  down: () => el.dispatchEvent(pointer('pointerdown', pointerId, pointerType)),
  up: () => el.dispatchEvent(pointer('pointerup', pointerId, pointerType)),
  click: () => el.dispatchEvent(pointer('click', pointerId, pointerType)),
});

/** The attract screen's part: on the waking pointerdown (dispatched on the screen), start swallowing. */
const wakeWith = (pointerId: number, pointerType: Input) => {
  const waking = pointer('pointerdown', pointerId, pointerType);
  window.addEventListener('pointerdown', (event) => void stops.push(swallowWakingClick(event)), { capture: true, once: true });
  document.body.dispatchEvent(waking);
  return tap(document.body, pointerId, pointerType);
};

describe.each([
  ['mouse', MOUSE],
  ['touch', FINGER],
] as const)('swallowWakingClick with %s input', (input, id) => {
  it("eats the waking tap's own click, and nothing after it", () => {
    const { el, pressed } = button();
    const waking = wakeWith(id, input);
    waking.up();
    tap(el, id, input).click();
    expect(pressed).not.toHaveBeenCalled();

    const next = tap(el, id, input);
    next.down();
    next.up();
    next.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it("lets the next real tap through when the waking tap's click never comes", () => {
    const { el, pressed } = button();
    wakeWith(id, input).up();
    const next = tap(el, id, input);
    next.down();
    next.up();
    next.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('lets the next tap through when the waking finger never lifted before it', () => {
    const { el, pressed } = button();
    wakeWith(id, input);
    const next = tap(el, id, input);
    next.down();
    next.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('lets a click through once the waking pointer was cancelled (a cancelled pointer gets no click)', () => {
    const { el, pressed } = button();
    wakeWith(id, input);
    document.body.dispatchEvent(pointer('pointercancel', id, input));
    tap(el, id, input).click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('waits for the waking finger to lift however long it is held, then gives its click a second', () => {
    vi.useFakeTimers();
    const { el, pressed } = button();
    const waking = wakeWith(id, input);
    vi.advanceTimersByTime(5000);
    waking.up();
    vi.advanceTimersByTime(900);
    tap(el, id, input).click();
    expect(pressed).not.toHaveBeenCalled();

    const lateWake = wakeWith(id, input);
    lateWake.up();
    vi.advanceTimersByTime(1000);
    tap(el, id, input).click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });
});

describe('swallowWakingClick, clicks that are not the waking gesture', () => {
  it("lets another pointer's click through and still eats the waking one's", () => {
    const { el, pressed } = button();
    const waking = wakeWith(FINGER, 'touch');
    tap(el, FINGER + 1, 'touch').click();
    expect(pressed).toHaveBeenCalledTimes(1);
    waking.up();
    tap(el, FINGER, 'touch').click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('lets a click made without a pointer (a key on a focused button) through', () => {
    const { el, pressed } = button();
    wakeWith(FINGER, 'touch');
    el.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });
});
