import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AppLoading, appScripts, holdTaps, keepLoadingApp, loadApp, RETRY_DELAYS_MS } from './handover.ts';
import { mountSnapshotRoot } from './testing/snapshot-root.ts';

/** The same home as the app renders it, each control saying which it is when clicked. */
const appHome = (titles = ['签到', '服务菜单'], pressed: string[] = []): HTMLElement => {
  const kiosk = document.createElement('div');
  kiosk.className = 'kiosk';
  kiosk.innerHTML = `<header class="topbar"><div class="topbar__clock"><div class="topbar__time">09:41</div><div class="topbar__date">12月8日星期二</div></div></header><main class="main"><section class="screen"><h1>欢迎</h1><nav class="tiles">${titles
    .map((title) => `<button type="button" class="tile"><span class="tile__title">${title}</span></button>`)
    .join('')}</nav></section></main><footer><button type="button"><img class="icon" alt=""> 志愿者</button></footer>`;
  for (const button of kiosk.querySelectorAll('button')) button.addEventListener('click', () => pressed.push(button.textContent ?? ''));
  return kiosk;
};

const mutationsSeen = () => new Promise((resolve) => setTimeout(resolve, 0));
const settledNow = () => Promise.resolve();

describe('taps on the home snapshot a first start paints before the app runs', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = mountSnapshotRoot({ hidden: false });
  });
  /** As React's first commit does: the snapshot goes, the app's own home comes. What its controls were given. */
  const takeOver = async (titles?: string[]): Promise<string[]> => {
    const pressed: string[] = [];
    root.replaceChildren(appHome(titles, pressed));
    await mutationsSeen();
    return pressed;
  };
  afterEach(() => {
    root.remove();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('holds a tap on a control and gives it to the same control once the app has taken over', async () => {
    const beneath = vi.fn();
    document.addEventListener('click', beneath);
    holdTaps(document, root, settledNow);
    const tile = root.querySelectorAll<HTMLButtonElement>('.tile')[1]!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    tile.querySelector('span')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(beneath).not.toHaveBeenCalled();

    const pressed = await takeOver();
    expect(pressed).toEqual(['服务菜单']);
    expect(root.dataset.snapshot).toBeUndefined();
    // From here on taps are the app's own.
    root.querySelector<HTMLButtonElement>('.tile')!.click();
    expect(pressed).toEqual(['服务菜单', '签到']);
    // The given tap reached the page as the app's; and so did the next one.
    expect(beneath).toHaveBeenCalledTimes(2);
    document.removeEventListener('click', beneath);
  });

  it('finds the control again past the comments server rendering leaves', async () => {
    holdTaps(document, root, settledNow);
    root.querySelector<HTMLButtonElement>('footer button')!.click();
    expect(await takeOver()).toEqual([' 志愿者']);
  });

  it('keeps only the last of several taps', async () => {
    holdTaps(document, root, settledNow);
    const [checkin, services] = root.querySelectorAll<HTMLButtonElement>('.tile');
    checkin!.click();
    services!.click();
    checkin!.click();
    expect(await takeOver()).toEqual(['签到']);
  });

  it('drops a tap when the app’s screen has no such control there', async () => {
    holdTaps(document, root, settledNow);
    root.querySelectorAll<HTMLButtonElement>('.tile')[1]!.click();
    expect(await takeOver(['签到', 'Services'])).toEqual([]);
  });

  /** An app whose effects have run once `settle()` is called. */
  const settling = () => {
    let settle = (): void => undefined;
    const settled = () => new Promise<void>((resolve) => (settle = resolve));
    return { settled, settle: () => settle() };
  };

  it('gives the tap only once the app has settled: its effects have run', async () => {
    const app = settling();
    holdTaps(document, root, app.settled);
    root.querySelectorAll<HTMLButtonElement>('.tile')[1]!.click();
    const pressed = await takeOver();
    // Taken over, its effects not run yet: the tap waits.
    expect(root.dataset.snapshot).toBeUndefined();
    expect(pressed).toEqual([]);
    app.settle();
    await mutationsSeen();
    expect(pressed).toEqual(['服务菜单']);
  });

  it('drops the tap if the resident has touched the app’s own screen before it settled', async () => {
    const app = settling();
    holdTaps(document, root, app.settled);
    root.querySelectorAll<HTMLButtonElement>('.tile')[1]!.click();
    const pressed = await takeOver();
    root.querySelector('.tile')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    app.settle();
    await mutationsSeen();
    expect(pressed).toEqual([]);
  });

  it('drops the held tap when told to stop (the app could not be loaded)', async () => {
    const stop = holdTaps(document, root, settledNow);
    root.querySelector<HTMLButtonElement>('.tile')!.click();
    stop();
    expect(await takeOver()).toEqual([]);
  });

  it('lets a tap that is not on a control go by, and waits for the whole snapshot to go', async () => {
    holdTaps(document, root, settledNow);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    root.querySelector('h1')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    root.querySelector<HTMLButtonElement>('.tile')!.click();
    const pressed: string[] = [];
    // Part of the snapshot still up: not yet the app's.
    root.append(appHome(undefined, pressed));
    await mutationsSeen();
    expect(pressed).toEqual([]);
    expect(root.dataset.snapshot).toBe('home');
    root.firstElementChild!.remove();
    await mutationsSeen();
    expect(pressed).toEqual(['签到']);
  });
});

describe('loading the app after the snapshot', () => {
  it('reads the app’s scripts from the boot’s tag and asks for its chunks at once', async () => {
    const script = document.createElement('script');
    script.dataset.app = './assets/missing-entry.js';
    script.dataset.preload = './assets/a.js ./assets/b.js';
    const scripts = appScripts(script);
    expect(scripts).toEqual({ entry: './assets/missing-entry.js', preload: ['./assets/a.js', './assets/b.js'] });
    // The entry is not there to import here: what is asked for before that is what this checks.
    await loadApp(document, scripts).catch(() => undefined);
    // Asked for again (a retry, or after the gate did): each is asked for once.
    await loadApp(document, scripts).catch(() => undefined);
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['./assets/missing-entry.js', './assets/a.js', './assets/b.js']);
    for (const link of links) link.remove();
    expect(() => appScripts(document.createElement('script'))).toThrow(/no app entry/);
  });
});

describe('an app that cannot be loaded', () => {
  const loading = (outcomes: boolean[], reachable: boolean[] = []) => {
    const calls: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const spec: AppLoading = {
      load: async () => {
        calls.push('load');
        if (!outcomes.shift()) throw new TypeError('Failed to fetch dynamically imported module');
      },
      failed: () => void calls.push('failed'),
      wait: async (ms) => void calls.push(`wait ${ms}`),
      pageReachable: async () => {
        calls.push('reachable?');
        return reachable.shift() ?? false;
      },
      reload: () => void calls.push('reload'),
    };
    return { spec, calls, errors };
  };

  it('takes the snapshot down at the first failure and tries again, later and later, until the app runs', async () => {
    const { spec, calls, errors } = loading([false, false, true]);
    await keepLoadingApp(spec);
    expect(calls).toEqual(['load', 'failed', `wait ${RETRY_DELAYS_MS[0]}`, 'load', `wait ${RETRY_DELAYS_MS[1]}`, 'load']);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('reloads after three tries, only onto a page that can be fetched', async () => {
    const { spec, calls, errors } = loading([false, false, false, false], [false, true]);
    await keepLoadingApp(spec);
    expect(calls).toEqual([
      'load', 'failed', `wait ${RETRY_DELAYS_MS[0]}`,
      'load', `wait ${RETRY_DELAYS_MS[1]}`,
      'load', `wait ${RETRY_DELAYS_MS[2]}`, 'reachable?',
      'load', `wait ${RETRY_DELAYS_MS[3]}`, 'reachable?', 'reload',
    ]);
    errors.mockRestore();
  });
});
