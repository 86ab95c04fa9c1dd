import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { KioskRoot } from '../app/KioskRoot.tsx';
import { createI18n } from '../i18n/index.ts';
import { YizhanDb } from '../store/db.ts';
import { demoStation } from '../store/demo-station.ts';
import { holdIconsUntil } from '../ui/icons/Icon.tsx';
import { renderHomeSnapshot } from './home-snapshot.tsx';

/** Markup as a person sees it: no comments, attributes in one order, and the clock's minute (the boot writes the start's over it) left out. */
const normalized = (container: HTMLElement): string => {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  container.normalize();
  for (const part of container.querySelectorAll('.topbar__time, .topbar__date')) part.textContent = '';
  container.querySelector('.topbar__clock')?.removeAttribute('aria-label');
  // The order attributes are written in is nothing a person sees (React sets src after the rest on the client).
  for (const element of container.querySelectorAll('*')) {
    const attributes = [...element.attributes].map(({ name, value }) => [name, value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, value] of attributes) element.setAttribute(name, value);
  }
  return container.innerHTML;
};

describe('the home snapshot index.html carries', () => {
  it('is the markup of the app’s own first render on a first start, so the takeover changes nothing a person sees', async () => {
    const snapshot = document.createElement('div');
    snapshot.innerHTML = renderHomeSnapshot();
    expect(snapshot.querySelector('h1')?.textContent).toBe('欢迎来到幸福里社区红色驿站');
    expect(snapshot.querySelectorAll('nav button')).toHaveLength(8);
    // Nothing but the app's own elements in #root: the boot finds a tapped control again by its place.
    expect(snapshot.firstElementChild?.className).toBe('kiosk');

    const container = document.createElement('div');
    document.body.append(container);
    let release = (): void => undefined;
    holdIconsUntil(new Promise<void>((resolve) => (release = resolve)));
    const root = createRoot(container);
    // As main.tsx renders it on a first start: the demo station known at once, nothing from the store yet.
    flushSync(() =>
      root.render(<KioskRoot db={new YizhanDb(`snapshot-${Date.now()}`)} i18n={createI18n()} firstStation={Promise.resolve(demoStation)} firstStationAtOnce={demoStation} />),
    );
    const first = normalized(container.cloneNode(true) as HTMLElement);
    release();
    root.unmount();
    container.remove();
    expect(normalized(snapshot)).toBe(first);
  });
});
