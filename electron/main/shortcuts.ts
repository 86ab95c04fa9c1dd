import type { Input } from 'electron';

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'alt' | 'shift' | 'meta' | 'isComposing'>;
export type KeyDecision = 'pass' | 'swallow' | 'technician';

/** The technician's keyboard way in (with a keyboard attached): Ctrl+Alt+Shift+T, by physical key. */
export const TECHNICIAN_SHORTCUT = 'Ctrl+Alt+Shift+T';
const isTechnician = (i: KeyInput) => i.control && i.alt && i.shift && !i.meta && i.code === 'KeyT';

/** Keys that do something to the browser rather than the page: reload, devtools, full screen, zoom, print… */
const browserKeys = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserStop',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserHome',
  'ZoomIn',
  'ZoomOut',
  'ZoomToggle',
  'Print',
  'PrintScreen',
  'ContextMenu',
  'Close',
  'Help',
  'LaunchApplication1',
  'LaunchApplication2',
  'LaunchMail',
  'LaunchWebBrowser',
]);

/**
 * What the kiosk does with a key before the page sees it. Plain typing, Enter, Tab, Escape, arrows and
 * Backspace reach the page; every Ctrl/Alt/Meta combination (reload, close, quit, devtools, zoom, print,
 * find, copy and paste — a copied phone number must not reach the next resident), every function key and the
 * browser keys are swallowed; the technician combination opens the PIN pad. IME composition always passes.
 */
export const classifyKey = (input: KeyInput): KeyDecision => {
  if (input.isComposing) return 'pass';
  if (isTechnician(input)) return 'technician';
  if (input.control || input.alt || input.meta) return 'swallow';
  if (/^F\d{1,2}$/.test(input.key) || /^F\d{1,2}$/.test(input.code)) return 'swallow';
  if (browserKeys.has(input.key)) return 'swallow';
  return 'pass';
};
