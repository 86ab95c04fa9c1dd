import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '@shell/bridge.ts';
import { registerServiceWorker } from './service-worker.ts';

/** A browser that supports service workers (jsdom has none): registrations are recorded. */
const register = vi.fn(() => Promise.resolve({ addEventListener: vi.fn() } as unknown as ServiceWorkerRegistration));
const container = Object.assign(new EventTarget(), { register, getRegistration: vi.fn(async () => undefined), controller: null });
Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
afterEach(() => register.mockClear());

// The PWA's registration itself is proven in Chromium (tests/e2e/offline.e2e.ts).
describe('registerServiceWorker', () => {
  it('registers nothing in the Electron shell, whose preload put window.kiosk there first', async () => {
    const shellWindow = { kiosk: { invoke: vi.fn(), on: vi.fn() } as unknown as KioskApi, navigator };
    expect(registerServiceWorker(shellWindow)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(register).not.toHaveBeenCalled();
  });
});
