import { appScripts, preloadApp } from './handover.ts';
import { showSnapshot } from './show-snapshot.ts';

/**
 * A classic script of its own, right after #root in index.html (renderer/build/home-snapshot-plugin.ts bundles
 * it): it runs as the page is parsed, so the snapshot, when it holds, is in the page's very first frame. The
 * module boot runs only after parsing, about 150 ms later at 4× CPU (tests/bench cold), and would either hold
 * that frame back or, shown by default, let a tablet that started before flash the demo home.
 */
if (!showSnapshot(window, new Date())) {
  // No snapshot to paint first: the app's code is asked for now, not once the boot has run after parsing.
  const boot = document.querySelector<HTMLScriptElement>('script[data-app]');
  if (boot) preloadApp(document, appScripts(boot));
}
