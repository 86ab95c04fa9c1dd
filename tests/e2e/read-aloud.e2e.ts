import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { speechDispatcherMissing, type SpeechDispatcher, startSpeechDispatcher } from '../support/speech-dispatcher.ts';
import { launchChromium, openKiosk, useChromium } from './support/kiosk.ts';

/**
 * Read-aloud in Debian's real Chromium, which speaks on Linux only through speech-dispatcher: with the switch the
 * shell sets (--enable-speech-dispatcher) and the packages the deb depends on, the kiosk reads Chinese with the
 * Mandarin voice (cmn), not the Cantonese one listed first, and English with an English voice; without them it
 * says calmly that it cannot read aloud. Each test gets its own speech-dispatcher (speech-dispatcher.ts).
 */
interface Spoken {
  text: string;
  voice: string | null;
  voiceLang: string | null;
  ended: boolean;
}

/** Records what the page asks the engine to say, and whether the engine finished saying it; still says it. */
const recordSpeech = async (context: BrowserContext): Promise<void> => {
  await context.addInitScript(() => {
    const spoken: Spoken[] = [];
    (window as unknown as { spoken: Spoken[] }).spoken = spoken;
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      const entry: Spoken = { text: utterance.text, voice: utterance.voice?.name ?? null, voiceLang: utterance.voice?.lang ?? null, ended: false };
      spoken.push(entry);
      utterance.addEventListener('end', () => (entry.ended = true));
      speak(utterance);
    };
  });
};
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);

const plainChromium = useChromium();
const missing = speechDispatcherMissing();
if (missing && process.env.CI) throw new Error(`${missing}: read-aloud is tested in CI (.ci/run installs speech-dispatcher-espeak-ng)`);

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe('read-aloud in Chromium on Linux', () => {
  it.skipIf(missing !== null)('with speech-dispatcher reads Chinese with the Mandarin voice and English with an English one', async () => {
    const daemon: SpeechDispatcher = await startSpeechDispatcher();
    cleanup.push(() => daemon.stop());
    const browser: Browser = await launchChromium(['--enable-speech-dispatcher'], { XDG_RUNTIME_DIR: daemon.runtimeDir });
    cleanup.push(() => browser.close());
    const k = await openKiosk(browser, 'landscape', { prepare: recordSpeech });
    const { page } = k;
    // espeak-ng brings some 13,000 voices; Chromium lists them a few seconds after it connects.
    await page.waitForFunction(() => speechSynthesis.getVoices().some((voice) => voice.lang === 'cmn'), null, { timeout: 60_000 });

    await k.tap('朗读');
    await expect.poll(() => spoken(page).then((said) => said.length)).toBe(1);
    const [chinese] = await spoken(page);
    expect(chinese).toMatchObject({ voiceLang: 'cmn', voice: 'Chinese (Mandarin, latin as English) espeak-ng' });
    expect(chinese?.text).toMatch(/[\u4e00-\u9fff]/);
    // The daemon really spoke it (into ALSA's null device) and said so.
    await expect.poll(() => spoken(page).then((said) => said[0]?.ended), { timeout: 20_000 }).toBe(true);
    await expect(page.getByText('这台设备暂时不能朗读').count()).resolves.toBe(0);

    await k.tap('English');
    await page.getByRole('button', { name: 'Read aloud' }).waitFor();
    await k.tap('Read aloud');
    await expect.poll(() => spoken(page).then((said) => said.length)).toBe(2);
    const english = (await spoken(page))[1];
    expect(english?.voiceLang).toMatch(/^en-(us|gb)$/i);
    expect(english?.voice).not.toContain('+');
    await k.close();
  });

  it('without the switch there are no voices, and the kiosk says so calmly instead of reading', async () => {
    const k = await openKiosk(plainChromium(), 'landscape', { prepare: recordSpeech });
    const { page } = k;
    // Give Chromium the time it would take to list voices, had it any.
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await k.tap('朗读');
    await page.getByRole('status').filter({ hasText: '这台设备暂时不能朗读，请向值班志愿者求助。' }).waitFor();
    expect(await spoken(page)).toEqual([]);
    await k.state('read-aloud-unavailable');
    await k.close();
  });
});
