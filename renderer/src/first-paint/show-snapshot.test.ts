import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rememberSetup } from '../screens/setup/setup-in-progress.ts';
import { markStarted } from '../store/started-hint.ts';
import { showSnapshot, snapshotHolds, stampClock } from './show-snapshot.ts';
import { mountSnapshotRoot } from './testing/snapshot-root.ts';

describe('the home snapshot a first start paints before the app runs', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = mountSnapshotRoot({ hidden: true });
  });
  afterEach(() => {
    root.remove();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('is shown only on a start that will open on the first start’s home', () => {
    expect(snapshotHolds(localStorage, sessionStorage, '')).toBe(true);
    // A store with a station: its own home, not the demo's.
    markStarted(localStorage);
    expect(snapshotHolds(localStorage, sessionStorage, '')).toBe(false);
    localStorage.clear();
    // A setup link, or the reload a saved setup makes: the setup screen.
    expect(snapshotHolds(localStorage, sessionStorage, '#yizhan-setup?code=x')).toBe(false);
    rememberSetup({ server: 'https://centre.example' }, sessionStorage);
    expect(snapshotHolds(localStorage, sessionStorage, '')).toBe(false);
    sessionStorage.clear();
    // Storage that throws when asked: not known to be a first start.
    const refusing = { getItem: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as Storage;
    expect(snapshotHolds(refusing, sessionStorage, '')).toBe(false);
    // Storage that cannot even be reached (the getter throws where site data is blocked): nor is this.
    expect(snapshotHolds(undefined, sessionStorage, '')).toBe(false);
    expect(snapshotHolds(localStorage, undefined, '')).toBe(false);
  });

  it('shows the time of the start, not of the build, in words and in its spoken label', () => {
    stampClock(root, new Date(2026, 11, 8, 9, 41), 'zh-CN');
    expect(root.querySelector('.topbar__time')?.textContent).toBe('09:41');
    expect(root.querySelector('.topbar__date')?.textContent).toBe('12月8日星期二');
    expect(root.querySelector('.topbar__clock')?.getAttribute('aria-label')).toBe('12月8日星期二 09:41');
  });

  it('is shown, at the time of the start, before the first paint of a first start, and stays hidden on any other', () => {
    // As index.html says: the snapshot's language.
    document.documentElement.lang = 'zh-CN';
    expect(showSnapshot(window, new Date(2026, 11, 8, 9, 41))).toBe(true);
    expect(root.hidden).toBe(false);
    expect(root.querySelector('.topbar__time')?.textContent).toBe('09:41');

    root.hidden = true;
    markStarted(localStorage);
    expect(showSnapshot(window, new Date(2026, 11, 8, 9, 42))).toBe(false);
    expect(root.hidden).toBe(true);
    expect(root.querySelector('.topbar__time')?.textContent).toBe('09:41');
  });
});
