import type { CommandLine } from 'electron';

export type Switch = readonly [name: string, value?: string];

/**
 * Chromium's command-line switches the kiosk needs, set before `ready`:
 * - no swipe-to-go-back: a resident's swipe must not leave the screen they are on;
 * - on Linux, speech through speech-dispatcher: Chromium has no other speech engine there, and without this
 *   switch `speechSynthesis.getVoices()` stays empty and read-aloud is silent (the deb depends on
 *   speech-dispatcher and espeak-ng's module for it);
 * - on Linux, Chromium's basic password store for safeStorage: a keyring (GNOME's, KWallet) on a tablet that
 *   logs in by itself is locked, and unlocking it opens a password dialog over the kiosk. The basic store never
 *   asks; what protects the token instead is written in docs/deploy.md ("The station's credential").
 */
export const kioskSwitches = (platform: NodeJS.Platform): Switch[] => [
  ['overscroll-history-navigation', '0'],
  ...(platform === 'linux' ? ([['enable-speech-dispatcher'], ['password-store', 'basic']] satisfies Switch[]) : []),
];

export const applyKioskSwitches = (commandLine: Pick<CommandLine, 'appendSwitch'>, platform: NodeJS.Platform): void => {
  for (const [name, value] of kioskSwitches(platform)) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
};
