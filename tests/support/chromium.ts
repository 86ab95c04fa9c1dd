import { type Browser, chromium } from 'playwright-core';

/** Flags every test and bench starts Debian's Chromium with: headless as root, nothing calling home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

export const launchChromium = (extraArgs: readonly string[] = [], env?: Record<string, string>): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, ...extraArgs], ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}) });
