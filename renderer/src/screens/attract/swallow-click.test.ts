import { afterEach, describe, expect, it, vi } from 'vitest';
import { swallowNextClick } from './swallow-click.ts';

afterEach(() => {
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

describe('swallowNextClick', () => {
  it('eats the one click that follows the waking tap, and only that one', () => {
    const { el, pressed } = button();
    swallowNextClick();
    el.click();
    expect(pressed).not.toHaveBeenCalled();
    el.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('stops waiting after a second, so a later tap works', () => {
    vi.useFakeTimers();
    const { el, pressed } = button();
    swallowNextClick();
    vi.advanceTimersByTime(1000);
    el.click();
    expect(pressed).toHaveBeenCalledTimes(1);
  });
});
