/**
 * The number a resident writes down and types to check a request: MMDD of the day it was made and that
 * day's counter, e.g. 1127007. The kiosk makes and shows it; the console finds requests by it and shows it
 * grouped the same way, so staff and resident read out the same thing. It repeats after a year, so a look-up
 * only considers the last twelve months.
 */
export const requestNumber = (day: string, counter: number): string =>
  `${day.slice(5, 7)}${day.slice(8, 10)}${String(counter).padStart(3, '0')}`;

export const isRequestNumber = (value: string): boolean => /^\d{7}$/.test(value);

/** 1127007 → 1127-007: the day and the counter, easier to read out and copy down. */
export const groupRequestNumber = (value: string): string =>
  value.length > 4 ? `${value.slice(0, 4)}-${value.slice(4)}` : value;

/** 1127007 → "1 1 2 7 0 0 7", so read-aloud says it digit by digit instead of as one large number. */
export const spokenDigits = (value: string): string => value.split('').join(' ');
