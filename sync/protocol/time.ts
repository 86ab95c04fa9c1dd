const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The station's local calendar day, yyyy-mm-dd: the key every daily count and queue number is grouped by. */
export const dayKey = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The station's local month, yyyy-mm. */
export const monthKey = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;

/** Minutes since local midnight, for comparing against shift and opening-hour times written as "HH:MM". */
export const minutesOfDay = (date: Date): number => date.getHours() * 60 + date.getMinutes();

export const parseClock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
