import { sessionFlags } from '@protocol/console/reports.ts';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/reports.json';
import zh from '../../i18n/locales/zh-CN/reports.json';

// The review queue names a session's flags by key (review.flag.<flag>): a flag the protocol gains needs its words.
describe('the words for a volunteer session\'s flags', () => {
  it.each([
    ['zh-CN', zh.review.flag],
    ['en', en.review.flag],
  ])('names every flag of the protocol in %s', (_language, words: Record<string, string>) => {
    for (const flag of sessionFlags) expect(words[flag], flag).toBeTruthy();
  });
});
