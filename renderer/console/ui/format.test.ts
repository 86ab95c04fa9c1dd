import { describe, expect, it } from 'vitest';
import { formattersFor } from './format.ts';

const zh = formattersFor('zh-CN');
const en = formattersFor('en');
const HOUR = 3_600_000;

describe('console formatting', () => {
  it('writes instants on the stations\' clock (UTC+8), whatever the browser\'s zone', () => {
    // 23:30 UTC is 07:30 the next morning in China.
    expect(zh.dateTime('2026-03-04T23:30:00Z')).toBe('2026/03/05 07:30');
    expect(en.time('2026-03-04T23:30:00Z')).toBe('07:30');
  });

  it('reads a day key as that calendar day, and a month key as that month', () => {
    expect(zh.day('2026-03-05')).toMatch(/3月5日.*周四/);
    expect(en.month('2026-03')).toBe('March 2026');
  });

  it('says how long ago in the largest whole unit', () => {
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(zh.ago(now - 3 * HOUR - 5 * 60_000, now)).toBe('3小时前');
    expect(en.ago(now - 50 * HOUR, now)).toBe('2 days ago');
    expect(en.ago(now - 30_000, now)).toBe('this minute');
  });

  it('writes spans, hours and sizes', () => {
    expect(en.span(26 * HOUR + 60_000)).toBe('1 day 2 hours');
    expect(zh.span(90 * 60_000)).toMatch(/1小时.*30分钟/);
    expect(en.hours(150)).toBe('2.5 hours');
    expect(en.bytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
