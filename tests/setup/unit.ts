import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Lazily loaded screens on a loaded 2-core machine can take more than the default second to appear.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

// jsdom lays nothing out, so nothing ever resizes: an observer that never reports is the truth there. (What the
// kiosk does with sizes, such as the "more below" cue, is tested in Chromium: tests/e2e.)
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
