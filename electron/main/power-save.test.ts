// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { OpeningSchedule } from '../common/opening-hours.ts';
import { ScreenKeeper } from './power-save.ts';
import { FakePowerSaveBlocker } from './testing/fakes.ts';

const schedule: OpeningSchedule = {
  hours: { open: '08:30', close: '17:30' },
  eveningHour: { start: '18:30', end: '19:30' },
  redWeekend: { weekdays: [6, 0], start: '09:00', end: '12:00' },
};
const monday = (hh: number, mm = 0) => new Date(2025, 0, 6, hh, mm);

describe('ScreenKeeper', () => {
  it('keeps the display awake within opening hours and lets it sleep outside them', () => {
    const blocker = new FakePowerSaveBlocker();
    const keeper = new ScreenKeeper(blocker, schedule);
    expect(keeper.update(monday(10))).toBe(true);
    expect([...blocker.active.values()]).toEqual(['prevent-display-sleep']);
    expect(keeper.update(monday(11))).toBe(true);
    expect(blocker.active.size).toBe(1);
    expect(keeper.update(monday(23))).toBe(false);
    expect(blocker.active.size).toBe(0);
    expect(keeper.update(monday(18, 40))).toBe(true);
    expect(blocker.active.size).toBe(1);
  });

  it('keeps the screen on until the hours are known, and follows the hours the renderer reports', () => {
    const blocker = new FakePowerSaveBlocker();
    const keeper = new ScreenKeeper(blocker, null);
    expect(keeper.update(monday(3))).toBe(true);
    keeper.setSchedule(schedule, monday(3));
    expect(blocker.active.size).toBe(0);
  });

  it('starts again if the blocker was stopped behind its back, and releases it on dispose', () => {
    const blocker = new FakePowerSaveBlocker();
    const keeper = new ScreenKeeper(blocker, schedule);
    keeper.update(monday(10));
    blocker.active.clear();
    keeper.update(monday(10, 1));
    expect(blocker.active.size).toBe(1);
    keeper.dispose();
    expect(blocker.active.size).toBe(0);
  });
});
