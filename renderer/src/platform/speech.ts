/**
 * Read-aloud through the Web Speech API. Many kiosks ship without a Chinese voice; then we stay quiet rather
 * than read Chinese with an English voice.
 */
export interface Speech {
  available(lang: string): boolean;
  speak(text: string, lang: string): void;
  stop(): void;
}

const voiceFor = (synth: SpeechSynthesis, lang: string): SpeechSynthesisVoice | undefined => {
  const prefix = lang.split('-')[0] ?? lang;
  const voices = synth.getVoices();
  return voices.find((v) => v.lang === lang) ?? voices.find((v) => v.lang.replace('_', '-').startsWith(prefix));
};

export const browserSpeech = (synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): Speech => ({
  available: (lang) => synth !== undefined && voiceFor(synth, lang) !== undefined,
  speak(text, lang) {
    if (!synth) return;
    const voice = voiceFor(synth, lang);
    if (!voice) return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    synth.speak(utterance);
  },
  stop: () => synth?.cancel(),
});

/** Voices load asynchronously in Chromium; resolves when the list is known (or after a short wait). */
export const onVoicesReady = (callback: () => void, synth: SpeechSynthesis | undefined = globalThis.speechSynthesis) => {
  if (!synth) return () => undefined;
  synth.addEventListener('voiceschanged', callback);
  const timer = setTimeout(callback, 1500);
  return () => {
    synth.removeEventListener('voiceschanged', callback);
    clearTimeout(timer);
  };
};
