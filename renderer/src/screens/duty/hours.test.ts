import { catalogueSchema } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import demo from '../../../../assets/demo/catalogue.json';
import { stationHours } from './station-hours.ts';
import { groupWeekdays } from './weekdays.ts';
import { beijing } from '../../../../tests/support/station-clock.ts';

describe('groupWeekdays', () => {
  it('says a Monday-to-Friday run as a range', () => {
    expect(groupWeekdays([5, 1, 3, 2, 4])).toEqual({ from: 1, to: 5 });
  });
  it('lists two days, and scattered ones, Monday first and Sunday last', () => {
    expect(groupWeekdays([0, 6])).toEqual({ list: [6, 0] });
    expect(groupWeekdays([1, 3, 5])).toEqual({ list: [1, 3, 5] });
  });
  it('runs through the weekend into Sunday', () => {
    expect(groupWeekdays([4, 5, 6, 0])).toEqual({ from: 4, to: 0 });
  });
  it('says every day when all seven are there', () => {
    expect(groupWeekdays([0, 1, 2, 3, 4, 5, 6])).toEqual({ every: true });
  });
});

describe('stationHours', () => {
  const { station, shifts } = catalogueSchema.parse(demo);

  it('takes the evening hour days from the roster and marks what is on today', () => {
    const tuesday = stationHours(station, shifts, beijing(2026, 11, 1, 10, 0));
    expect(tuesday).toEqual([
      { kind: 'open', days: undefined, start: '08:30', end: '17:30', today: true },
      { kind: 'evening-hour', days: [1, 2, 3, 4, 5], start: '17:30', end: '18:30', today: true },
      { kind: 'red-weekend', days: [0, 6], start: '09:00', end: '12:00', today: false },
    ]);
    const saturday = stationHours(station, shifts, beijing(2026, 11, 5, 10, 0));
    expect(saturday.map((r) => r.today)).toEqual([true, false, true]);
  });

  it('stops calling hours "on today" once they are over', () => {
    expect(stationHours(station, shifts, beijing(2026, 11, 1, 18, 29)).map((r) => r.today)).toEqual([false, true, false]);
    expect(stationHours(station, shifts, beijing(2026, 11, 1, 18, 30)).map((r) => r.today)).toEqual([false, false, false]);
    expect(stationHours(station, shifts, beijing(2026, 11, 5, 12, 0)).map((r) => r.today)).toEqual([true, false, false]);
  });

  it('shows the evening hour as daily when nobody is rostered for it, and drops a Red Weekend without days', () => {
    const rows = stationHours({ ...station, redWeekend: { ...station.redWeekend, weekdays: [] } }, [], beijing(2026, 11, 1, 10, 0));
    expect(rows.map((r) => [r.kind, r.days])).toEqual([['open', undefined], ['evening-hour', undefined]]);
  });
});
