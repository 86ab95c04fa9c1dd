/** The week as a Chinese calendar shows it: Monday first, Sunday last. */
const WEEK: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

export type WeekdayGroup = { every: true } | { from: number; to: number } | { list: number[] };

/**
 * How to say a set of weekdays briefly: "every day", a run such as Monday to Friday, or a plain list
 * (Saturday and Sunday) when the days are few or scattered.
 */
export const groupWeekdays = (days: readonly number[]): WeekdayGroup => {
  const ordered = WEEK.filter((d) => days.includes(d));
  if (ordered.length === WEEK.length) return { every: true };
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (first !== undefined && last !== undefined && ordered.length >= 3) {
    const span = WEEK.indexOf(last) - WEEK.indexOf(first) + 1;
    if (span === ordered.length) return { from: first, to: last };
  }
  return { list: ordered };
};
