/**
 * A screen's CSS comes with its code: the production build adds a <link rel="stylesheet"> for it before the
 * import, and never asks again once that link has failed (Vite's preload helper remembers the URL as done). So
 * a screen whose load failed in a blip would come back unstyled. Stylesheets that fail are noted as they fail
 * (by their error event: Chromium gives a failed link an empty sheet, not none) and asked for afresh, with a
 * new link, before the next attempt to load a screen.
 */
const failed = new Set<HTMLLinkElement>();
let watching = false;

const noteFailure = (event: Event) => {
  const link = event.target;
  if (link instanceof HTMLLinkElement && link.rel === 'stylesheet') failed.add(link);
};

/** Starts noting stylesheets that fail to load (load errors do not bubble: caught on their way down). */
export const watchStylesheets = (doc: Document = document): void => {
  if (watching) return;
  watching = true;
  doc.addEventListener('error', noteFailure, { capture: true });
};

/** Replaces each stylesheet that failed by a fresh link to the same file; resolves once all have loaded. */
export const reloadFailedStylesheets = async (): Promise<void> => {
  const links = [...failed].filter((link) => link.isConnected);
  failed.clear();
  await Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve, reject) => {
          const fresh = link.cloneNode() as HTMLLinkElement;
          fresh.addEventListener('load', () => resolve());
          fresh.addEventListener('error', () => reject(new Error(`stylesheet ${fresh.href} did not load`)));
          link.replaceWith(fresh);
        }),
    ),
  );
};
