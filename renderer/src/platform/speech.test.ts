import { describe, expect, it, vi } from 'vitest';
import { browserSpeech } from './speech.ts';

const synth = (langs: string[]) => {
  const spoken: SpeechSynthesisUtterance[] = [];
  const s = {
    getVoices: () => langs.map((lang) => ({ lang, name: lang }) as SpeechSynthesisVoice),
    speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
    cancel: vi.fn(),
  } as unknown as SpeechSynthesis;
  return { s, spoken };
};

class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  constructor(public text: string) {}
}
vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);

describe('browserSpeech', () => {
  it('reads Chinese with a Chinese voice', () => {
    const { s, spoken } = synth(['en-US', 'zh-CN']);
    const speech = browserSpeech(s);
    expect(speech.available('zh-CN')).toBe(true);
    speech.speak('欢迎', 'zh-CN');
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.lang).toBe('zh-CN');
  });

  it('stays quiet where there is no voice for the language, or no speech at all', () => {
    const { s, spoken } = synth(['en-US']);
    const speech = browserSpeech(s);
    expect(speech.available('zh-CN')).toBe(false);
    speech.speak('欢迎', 'zh-CN');
    expect(spoken).toHaveLength(0);
    const none = browserSpeech(undefined);
    expect(none.available('zh-CN')).toBe(false);
    expect(() => none.speak('x', 'zh-CN')).not.toThrow();
  });
});
