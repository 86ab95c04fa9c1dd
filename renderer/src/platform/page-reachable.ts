/**
 * Whether the page itself can be fetched now, past the HTTP cache (through the service worker, which answers
 * offline): a reload would bring the kiosk back rather than leave it on the browser's own error page.
 */
export const pageReachable = async (href: string = window.location.href): Promise<boolean> => {
  try {
    return (await fetch(href, { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
};
