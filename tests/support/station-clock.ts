/**
 * An instant given as a wall-clock time in Beijing (month counted from 0, as Date's): the station's clock, so a
 * test means the same instant whatever zone the machine running it is in.
 */
export const beijing = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date => new Date(Date.UTC(year, month, day, hour - 8, minute, second));
