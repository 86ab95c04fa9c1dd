import type { CDPSession, Page } from 'playwright-core';

/** What the soak reads from the kiosk every so often. */
export interface Sample {
  /** The JS heap in use after two full collections. */
  heapBytes: number;
  /** DOM nodes and JS event listeners of the renderer, after the same collections. */
  nodes: number;
  listeners: number;
  /** What the origin stores (navigator.storage.estimate) and the IndexedDB part of it. */
  storageBytes: number;
  indexedDbBytes: number;
  /** Outbox rows kept, the acknowledged mark, the highest seq written, and the records kept in every kiosk-born table. */
  outboxRows: number;
  pushedSeq: number;
  lastSeq: number;
  records: number;
}

const KIOSK_TABLES = ['visits', 'referrals', 'requests', 'requestEvents', 'feedback', 'amenityUses', 'shiftEvents', 'deviceEvents'];

/**
 * Runs in every document before the app and before Playwright's fake clock: keeps the real monotonic clock and
 * the real frame callback, so a tap is timed in real milliseconds while the page's timers run on the fake clock.
 */
export const keepRealClock = () => {
  const w = window as unknown as { __realNow?: () => number; __realFrame?: (callback: () => void) => void };
  w.__realNow = performance.now.bind(performance);
  w.__realFrame = window.requestAnimationFrame.bind(window);
};

/**
 * Arms a one-shot timing in the page: from the next pointerdown (its own timestamp) to the end of the frame
 * that first shows a level-1 heading other than `from`, the screen the tap opens. Left in window.__soakTap.
 */
const armTap = (from: string) => {
  const w = window as unknown as { __realNow: () => number; __realFrame: (callback: () => void) => void; __soakTap?: Promise<number> };
  w.__soakTap = new Promise((resolve, reject) => {
    let touched = -1;
    const shown = () => {
      const heading = document.querySelector('main h1');
      return heading !== null && heading.textContent !== from && document.querySelector('main [aria-busy="true"]') === null;
    };
    const observer = new MutationObserver(() => {
      if (touched < 0 || !shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      w.__realFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(w.__realNow() - touched);
        channel.port2.postMessage(null);
      });
    });
    // The fake clock's setTimeout: enough, since the page's clock runs on while a session is driven.
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no new screen 20 s after the tap from ${from}`));
    }, 20_000);
    document.addEventListener(
      'pointerdown',
      (event) => {
        const handled = w.__realNow();
        touched = event.timeStamp > 0 && event.timeStamp <= handled ? event.timeStamp : handled;
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
};

/** Taps `target` (a home tile) with a finger and returns the milliseconds until the next screen was painted. */
export const timedTap = async (page: Page, target: ReturnType<Page['getByRole']>): Promise<number> => {
  const from = (await page.locator('main h1').first().textContent()) ?? '';
  await page.evaluate(armTap, from);
  await target.first().tap();
  return page.evaluate(() => (window as unknown as { __soakTap: Promise<number> }).__soakTap);
};

/** Counts in the page's IndexedDB, with the raw API (the store's code is what is being soaked). */
const storeCounts = (tables: string[]) =>
  new Promise<{ outboxRows: number; pushedSeq: number; lastSeq: number; records: number }>((resolve, reject) => {
    const open = indexedDB.open('yizhan');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['outbox', 'meta', ...tables], 'readonly');
      const counts: Record<string, number> = {};
      let pushed = 0;
      let last = 0;
      for (const name of ['outbox', ...tables]) {
        const request = tx.objectStore(name).count();
        request.onsuccess = () => (counts[name] = request.result);
      }
      const mark = tx.objectStore('meta').get('outbox.pushedSeq');
      mark.onsuccess = () => (pushed = (mark.result as { value?: number } | undefined)?.value ?? 0);
      const newest = tx.objectStore('outbox').openKeyCursor(null, 'prev');
      newest.onsuccess = () => (last = Number(newest.result?.key ?? 0));
      tx.oncomplete = () => {
        db.close();
        resolve({ outboxRows: counts.outbox ?? 0, pushedSeq: pushed, lastSeq: last, records: tables.reduce((sum, name) => sum + (counts[name] ?? 0), 0) });
      };
      tx.onerror = () => reject(tx.error);
    };
  });

export const sample = async (page: Page, cdp: CDPSession): Promise<Sample> => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const storage = await page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return { usage: estimate.usage ?? 0, indexedDb: estimate.usageDetails?.indexedDB ?? 0 };
  });
  const counts = await page.evaluate(storeCounts, KIOSK_TABLES);
  return {
    heapBytes: usedSize,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    storageBytes: storage.usage,
    indexedDbBytes: storage.indexedDb,
    ...counts,
  };
};
