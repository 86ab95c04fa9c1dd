/** What the kiosk reads of a SpeechSynthesisVoice. */
export type VoiceInfo = Pick<SpeechSynthesisVoice, 'name' | 'lang'> & Partial<Pick<SpeechSynthesisVoice, 'default' | 'localService'>>;

/**
 * For each language the kiosk speaks, the voice languages that read it, best first (BCP 47, lower case).
 * Chinese text is Mandarin: never a Cantonese voice (yue, zh-HK, zh-MO), which Chromium on Linux lists first
 * ("Chinese (Cantonese)" sorts before "Chinese (Mandarin…)"), so "the first Chinese voice" is the wrong one.
 * espeak-ng calls Mandarin `cmn`; Windows, Android and macOS say `zh-CN`.
 */
const wanted: Record<string, readonly (readonly string[])[]> = {
  'zh-CN': [
    ['zh-cn', 'zh-hans-cn', 'cmn-hans-cn', 'cmn-cn'],
    ['cmn', 'zh', 'zh-hans', 'cmn-hans', 'zh-sg'],
    ['zh-tw', 'zh-hant-tw', 'cmn-hant-tw', 'cmn-latn-pinyin'],
  ],
  en: [['en-us', 'en-gb'], ['en', 'en-au', 'en-ca', 'en-ie', 'en-in', 'en-nz', 'en-za']],
};

const normalized = (lang: string) => lang.replace(/_/g, '-').toLowerCase();

/** The tiers for a UI language: its own list, or its exact tag then its primary language. */
const tiersFor = (lang: string): readonly (readonly string[])[] => {
  const own = wanted[lang] ?? wanted[lang.split('-')[0] ?? lang];
  if (own) return own;
  const tag = normalized(lang);
  return [[tag], [tag.split('-')[0] ?? tag]];
};

/** espeak-ng, as Chromium on Linux names its voices ("Chinese (Mandarin, latin as English) espeak-ng"). */
const isEspeak = (voice: VoiceInfo) => /\bespeak/i.test(voice.name);
/** espeak-ng's variants of a voice ("…+Adam", "…+whisper"): the plain voice reads best. */
const isVariant = (voice: VoiceInfo) => isEspeak(voice) && voice.name.includes('+');

/** Lexicographic: the first place where two ranks differ decides. */
const ranksBefore = (a: readonly number[], b: readonly number[]): boolean => {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};

/**
 * The voice to read `lang` with, or undefined when the device has none (the kiosk then stays quiet rather than
 * read Chinese with an English voice). A better engine's voice (Windows', Android's, a neural one) wins over
 * espeak-ng's in any tier; then the closer language, the system's default, a voice that needs no network.
 */
export const chooseVoice = <V extends VoiceInfo>(voices: readonly V[], lang: string): V | undefined => {
  const tiers = tiersFor(lang);
  let best: { voice: V; rank: number[] } | undefined;
  for (const voice of voices) {
    if (isVariant(voice)) continue;
    const tier = tiers.findIndex((tags) => tags.includes(normalized(voice.lang)));
    if (tier < 0) continue;
    const rank = [isEspeak(voice) ? 1 : 0, tier, voice.default ? 0 : 1, voice.localService === false ? 1 : 0];
    if (!best || ranksBefore(rank, best.rank)) best = { voice, rank };
  }
  return best?.voice;
};
