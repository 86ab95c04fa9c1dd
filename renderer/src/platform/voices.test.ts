import { describe, expect, it } from 'vitest';
import { chooseVoice, type VoiceInfo } from './voices.ts';

const espeak = (name: string, lang: string): VoiceInfo => ({ name: `${name} espeak-ng`, lang, localService: true, default: false });

/** What Debian's Chromium lists with speech-dispatcher and espeak-ng (13,000 voices; their order kept). */
const linux: VoiceInfo[] = [
  espeak('Afrikaans', 'af'),
  espeak('Chinese (Cantonese)', 'yue'),
  espeak('Chinese (Cantonese)+Adam', 'yue'),
  espeak('Chinese (Cantonese, latin as Jyutping)', 'yue'),
  espeak('Chinese (Mandarin, latin as English)+Adam', 'cmn'),
  espeak('Chinese (Mandarin, latin as English)', 'cmn'),
  espeak('Chinese (Mandarin, latin as Pinyin)', 'cmn-latn-pinyin'),
  espeak('English (Caribbean)', 'en-029'),
  espeak('English (Great Britain)', 'en-gb'),
  espeak('English (America)+whisper', 'en-us'),
  espeak('English (America)', 'en-us'),
];

/** A Chinese Windows 10/11 through SAPI, as Chromium lists it. */
const windows: VoiceInfo[] = [
  { name: 'Microsoft Huihui - Chinese (Simplified, PRC)', lang: 'zh-CN', localService: true, default: true },
  { name: 'Microsoft Tracy - Chinese (Traditional, Hong Kong SAR)', lang: 'zh-HK', localService: true, default: false },
  { name: 'Microsoft Zira - English (United States)', lang: 'en-US', localService: true, default: false },
];

describe('chooseVoice', () => {
  it('reads Chinese with espeak-ng’s Mandarin, never the Cantonese voice that sorts first, nor a variant', () => {
    expect(chooseVoice(linux, 'zh-CN')?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
  });

  it('reads English with an English voice, American or British before the rest', () => {
    expect(chooseVoice(linux, 'en')?.name).toBe('English (Great Britain) espeak-ng');
    expect(chooseVoice(linux, 'en')?.lang).toMatch(/^en-(us|gb)$/);
  });

  it('prefers a better installed voice to espeak-ng, and a Mandarin one of another region to none', () => {
    expect(chooseVoice([...linux, ...windows], 'zh-CN')?.name).toBe('Microsoft Huihui - Chinese (Simplified, PRC)');
    expect(chooseVoice([...linux, ...windows], 'en')?.name).toBe('Microsoft Zira - English (United States)');
    const taiwan = { name: 'Microsoft Hanhan - Chinese (Traditional, Taiwan)', lang: 'zh-TW', localService: true };
    expect(chooseVoice([...linux, taiwan], 'zh-CN')).toBe(taiwan);
    // Android and some systems write the tag with an underscore.
    expect(chooseVoice([{ name: 'Chinese China', lang: 'zh_CN' }], 'zh-CN')?.name).toBe('Chinese China');
  });

  it('finds nothing rather than the wrong language: no Cantonese for Chinese, no Chinese for English', () => {
    expect(chooseVoice([espeak('Chinese (Cantonese)', 'yue'), windows[1]!], 'zh-CN')).toBeUndefined();
    expect(chooseVoice([windows[0]!], 'en')).toBeUndefined();
    expect(chooseVoice([], 'zh-CN')).toBeUndefined();
  });

  it('among equals, takes the system’s default and a voice that needs no network', () => {
    const online = { name: 'Google 普通话（中国大陆）', lang: 'zh-CN', localService: false };
    const local = { name: 'Tingting', lang: 'zh-CN', localService: true };
    expect(chooseVoice([online, local], 'zh-CN')).toBe(local);
    expect(chooseVoice([local, { ...online, default: true, localService: true }], 'zh-CN')?.name).toBe(online.name);
  });
});
