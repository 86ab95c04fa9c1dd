import { chooseVoice } from './voices.ts';

/**
 * Read-aloud through the Web Speech API, with the voice voices.ts chooses for the language. Many kiosks ship
 * without a Chinese voice; then we stay quiet rather than read Chinese with an English voice. (On Linux,
 * Chromium has voices only through speech-dispatcher: the shell starts it with --enable-speech-dispatcher.)
 */
export interface Speech {
  available(lang: string): boolean;
  speak(text: string, lang: string): void;
  stop(): void;
}

const voiceFor = (synth: SpeechSynthesis, lang: string): SpeechSynthesisVoice | undefined => chooseVoice(synth.getVoices(), lang);

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
