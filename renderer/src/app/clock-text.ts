/**
 * The top bar's time and date, for the kiosk's two languages, without Intl: the first Intl formatter a page
 * makes loads ICU's locale data, 170–360 ms on the main thread at 4× CPU (tests/bench cold), and the clock is
 * on every first paint. Other languages get Intl's wording. Intl's English with hour12:false also says "24:05"
 * after midnight; this says "00:05".
 */
const ZH_WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const twoDigits = (n: number) => String(n).padStart(2, '0');
const isChinese = (language: string) => language === 'zh' || language.startsWith('zh-');
const isEnglish = (language: string) => language === 'en' || language.startsWith('en-');

const intlFormatters = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();
const intlFor = (language: string) => {
  let formatters = intlFormatters.get(language);
  if (!formatters) {
    formatters = {
      time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', weekday: 'long' }),
    };
    intlFormatters.set(language, formatters);
  }
  return formatters;
};

/** The wall-clock time, 24-hour: 04:42. */
export const clockTime = (at: Date, language: string): string =>
  isChinese(language) || isEnglish(language) ? `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}` : intlFor(language).time.format(at);

/** Today's date with its weekday: 12月7日星期一, Monday, December 7. */
export const clockDate = (at: Date, language: string): string => {
  if (isChinese(language)) return `${at.getMonth() + 1}月${at.getDate()}日${ZH_WEEKDAYS[at.getDay()]}`;
  if (isEnglish(language)) return `${EN_WEEKDAYS[at.getDay()]}, ${EN_MONTHS[at.getMonth()]} ${at.getDate()}`;
  return intlFor(language).date.format(at);
};
