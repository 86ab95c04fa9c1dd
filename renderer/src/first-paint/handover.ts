/**
 * index.html carries home as a tablet's very first start renders it (first-paint/home-snapshot.tsx), hidden, in
 * #root; gate.ts shows it before the first paint when it holds. These are the steps by which the page's boot
 * script (boot.ts) holds what is tapped on it and lets the app take the screen over: the app's first render
 * replaces it with the same home, alive.
 */

/** The app's entry script and the chunks it imports at once, as the build wrote them on the boot's script tag. */
export interface AppScripts {
  entry: string;
  preload: string[];
}

export const appScripts = (script: HTMLScriptElement): AppScripts => {
  const entry = script.dataset.app;
  if (!entry) throw new Error('the boot script names no app entry (data-app)');
  return { entry, preload: (script.dataset.preload ?? '').split(' ').filter(Boolean) };
};

const CONTROL = 'button, a[href], input, select, textarea, [role="button"]';

/**
 * Where an element sits under root, as element indices: the app's home has the snapshot's shape, though not its
 * text and comment nodes (server rendering marks text runs and Suspense boundaries with comments).
 */
const pathTo = (root: Element, element: Element): number[] => {
  const path: number[] = [];
  for (let at: Element = element; at !== root && at.parentElement; at = at.parentElement) path.unshift([...at.parentElement.children].indexOf(at));
  return path;
};

const elementAt = (root: Element, path: number[]): Element | undefined => {
  let at: Element | undefined = root;
  for (const index of path) at = at?.children[index];
  return at;
};

/**
 * While the snapshot is up (#root has data-snapshot until the app has replaced it), a tap on one of its controls
 * does nothing yet: it is held, and given to the same control in the app's home (same place, same words) once
 * the app's first render has replaced the snapshot and `settled` (its effects have run: a screen's read-aloud
 * text, say, is set by one). Only the last tap is kept: a resident who tapped twice meant one thing. It is
 * dropped when the app's screen has no such control (a first start that opens on setup), or when the resident
 * has touched the app's own screen meanwhile. Returns a function that stops holding, and drops the tap.
 */
export const holdTaps = (doc: Document, root: HTMLElement, settled: () => Promise<void>): (() => void) => {
  const snapshot = [...root.childNodes];
  const inSnapshot = (node: Node) => snapshot.some((part) => part.contains(node));
  let held: { path: number[]; text: string } | null = null;
  const onClick = (event: MouseEvent) => {
    const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
    if (!control || !inSnapshot(control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    held = { path: pathTo(root, control), text: control.textContent ?? '' };
  };
  const stop = () => {
    observer.disconnect();
    doc.removeEventListener('click', onClick, true);
  };
  const give = async (tap: { path: number[]; text: string }) => {
    let touched = false;
    const onTouch = () => {
      touched = true;
    };
    doc.addEventListener('pointerdown', onTouch, true);
    await settled();
    doc.removeEventListener('pointerdown', onTouch, true);
    const control = elementAt(root, tap.path);
    if (!touched && control instanceof HTMLElement && control.matches(CONTROL) && control.textContent === tap.text) control.click();
  };
  const observer = new MutationObserver(() => {
    if (snapshot.some((part) => part.isConnected)) return;
    stop();
    delete root.dataset.snapshot;
    if (held) void give(held);
  });
  doc.addEventListener('click', onClick, true);
  observer.observe(root, { childList: true });
  return () => {
    stop();
    held = null;
  };
};

/**
 * Asks for the app's entry and chunks all at once (modulepreload), each once however often this is called: the
 * gate does on any start but a first, while the page is still parsed, as a page without the snapshot would.
 */
export const preloadApp = (doc: Document, scripts: AppScripts): void => {
  const asked = new Set([...doc.head.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.getAttribute('href')));
  for (const href of [scripts.entry, ...scripts.preload]) {
    if (asked.has(href)) continue;
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
};

/**
 * Loads the app. On a first start nothing of it was asked for before the snapshot's paint: modulepreload
 * compiles on the page's main thread, which held that paint back by about 350 ms at 4× CPU (tests/bench cold).
 */
export const loadApp = (doc: Document, scripts: AppScripts): Promise<unknown> => {
  preloadApp(doc, scripts);
  return import(/* @vite-ignore */ new URL(scripts.entry, doc.baseURI).href);
};

/** Waits before each new try to load the app: a network that dropped in the middle of a start comes back. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000] as const;

export interface AppLoading {
  load(): Promise<unknown>;
  /** Called once, when the first try has failed: nothing may go on looking like a kiosk that answers. */
  failed(): void;
  wait(ms: number): Promise<void>;
  pageReachable(): Promise<boolean>;
  reload(): void;
}

/**
 * Loads the app, and goes on trying until it runs. Browsers that remember a failed module fetch for the page's
 * life (recover-failed-loads.ts) fail every new import of it at once: after three tries the page is reloaded,
 * but only when it can be fetched, never onto the browser's own error page. There is nothing to lose by it:
 * no screen of the app is up.
 */
export const keepLoadingApp = async (loading: AppLoading): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await loading.load();
      return;
    } catch (error) {
      console.error('the app did not load', error);
      if (attempt === 0) loading.failed();
    }
    await loading.wait(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!);
    if (attempt >= 2 && (await loading.pageReachable())) {
      loading.reload();
      return;
    }
  }
};
