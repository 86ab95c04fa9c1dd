import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How the console writes times, ages, hours and sizes, in the reader's language. Times are the stations' (China
 * has one zone, UTC+8, roster.ts): staff in any browser see the same clock a resident saw on the tablet.
 */
export const STATION_TIME_ZONE = 'Asia/Shanghai';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formatters {
  /** 2026-03-05 14:30 (zh-CN: 2026/03/05 14:30). */
  dateTime(iso: string | number): string;
  date(iso: string | number): string;
  time(iso: string | number): string;
  /** A local day key (yyyy-mm-dd) as a short date with its weekday. */
  day(dayKey: string): string;
  /** yyyy-mm as "2026年3月" / "March 2026". */
  month(monthKey: string): string;
  /** How long ago, in the largest whole unit: "3 小时前", "2 days ago". */
  ago(iso: string | number, now: number): string;
  /** A span of time in the largest whole units: "1 天 4 小时" style, as the language writes it. */
  span(ms: number): string;
  /** Minutes as hours with one decimal: "12.5 小时". */
  hours(minutes: number): string;
  bytes(bytes: number): string;
  number(value: number): string;
}

const cache = new Map<string, Formatters>();

export const formattersFor = (language: string): Formatters => {
  const cached = cache.get(language);
  if (cached) return cached;
  const zone = { timeZone: STATION_TIME_ZONE } as const;
  const dateTime = new Intl.DateTimeFormat(language, { ...zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const date = new Intl.DateTimeFormat(language, { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat(language, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Day keys are calendar days already: formatted as UTC midnight so no zone moves them.
  const day = new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
  const month = new Intl.DateTimeFormat(language, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const unit = (name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 0 });
  const days = unit('day');
  const hoursUnit = unit('hour');
  const minutes = unit('minute');
  const decimalHours = new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 });
  const byteUnits = (['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const).map((name) => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 1 }));
  const plain = new Intl.NumberFormat(language);
  const list = new Intl.ListFormat(language, { style: 'narrow', type: 'unit' });
  const toMs = (value: string | number) => (typeof value === 'number' ? value : Date.parse(value));
  const formatters: Formatters = {
    dateTime: (value) => dateTime.format(toMs(value)),
    date: (value) => date.format(toMs(value)),
    time: (value) => time.format(toMs(value)),
    day: (dayKey) => day.format(Date.parse(`${dayKey}T00:00:00Z`)),
    month: (monthKey) => month.format(Date.parse(`${monthKey}-01T00:00:00Z`)),
    ago: (value, now) => {
      const elapsed = now - toMs(value);
      const abs = Math.abs(elapsed);
      if (abs >= DAY) return relative.format(-Math.trunc(elapsed / DAY), 'day');
      if (abs >= HOUR) return relative.format(-Math.trunc(elapsed / HOUR), 'hour');
      return relative.format(-Math.trunc(elapsed / MINUTE), 'minute');
    },
    span: (ms) => {
      const abs = Math.abs(ms);
      if (abs >= DAY) {
        const rest = Math.trunc((abs % DAY) / HOUR);
        return list.format([days.format(Math.trunc(abs / DAY)), ...(rest ? [hoursUnit.format(rest)] : [])]);
      }
      if (abs >= HOUR) {
        const rest = Math.trunc((abs % HOUR) / MINUTE);
        return list.format([hoursUnit.format(Math.trunc(abs / HOUR)), ...(rest ? [minutes.format(rest)] : [])]);
      }
      return minutes.format(Math.trunc(abs / MINUTE));
    },
    hours: (value) => decimalHours.format(value / 60),
    bytes: (value) => {
      let scaled = value;
      let index = 0;
      while (scaled >= 1024 && index < byteUnits.length - 1) {
        scaled /= 1024;
        index += 1;
      }
      return byteUnits[index]!.format(scaled);
    },
    number: (value) => plain.format(value),
  };
  cache.set(language, formatters);
  return formatters;
};

export const useFormat = (): Formatters => {
  const { i18n } = useTranslation();
  return useMemo(() => formattersFor(i18n.language), [i18n.language]);
};
