import { describe, expect, it } from 'vitest';
import { clockDate, clockTime } from './clock-text.ts';

/** Every day of a leap year and the next, at a time whose hour and minute need a leading zero. */
const days = Array.from({ length: 731 }, (_, i) => new Date(2028, 0, 1 + i, 7, 5));

describe('the top bar clock without Intl', () => {
  it.each(['zh-CN', 'en'])('says each date as Intl does in %s', (language) => {
    const intl = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', weekday: 'long' });
    for (const day of days) expect(clockDate(day, language)).toBe(intl.format(day));
  });

  it('says the time on a 24-hour clock, midnight as 00', () => {
    for (const language of ['zh-CN', 'en']) {
      expect(clockTime(new Date(2026, 11, 7, 0, 5), language)).toBe('00:05');
      expect(clockTime(new Date(2026, 11, 7, 23, 59), language)).toBe('23:59');
      expect(clockTime(new Date(2026, 11, 7, 9, 0), language)).toBe('09:00');
    }
  });

  it('leaves other languages to Intl', () => {
    const day = new Date(2026, 11, 7, 16, 30);
    expect(clockDate(day, 'fr')).toBe(new Intl.DateTimeFormat('fr', { month: 'long', day: 'numeric', weekday: 'long' }).format(day));
    expect(clockTime(day, 'fr')).toBe('16:30');
  });
});
