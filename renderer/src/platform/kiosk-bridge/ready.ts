import type { KioskBridge } from '@shell/bridge.ts';

let provide: (bridge: KioskBridge) => void = () => undefined;

/**
 * Resolves with the bridge once start-up has picked it. Importing this costs nothing (types only), so code on
 * the first screen can wait for the bridge without pulling its schemas (zod) into the first paint.
 */
export const kioskBridge: Promise<KioskBridge> = new Promise((resolve) => {
  provide = resolve;
});

export const provideKioskBridge = (bridge: KioskBridge): void => provide(bridge);
