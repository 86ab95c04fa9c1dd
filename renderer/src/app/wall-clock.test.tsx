import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useMinute, useToday } from './wall-clock.ts';

function Minute({ label }: { label: string }) {
  const minute = useMinute();
  return <p>{`${label} ${minute.getHours()}:${minute.getMinutes()}`}</p>;
}
const dayRendered = vi.fn();
function Today() {
  const day = useToday();
  dayRendered(day);
  return <p>{`day ${day}`}</p>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the wall clock', () => {
  it('ticks every screen at the turn of the minute with one timer, and "today" only at midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 11, 1, 23, 58, 40));
    dayRendered.mockClear();
    const view = render(
      <>
        <Minute label="home" />
        <Minute label="bar" />
        <Today />
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    expect(screen.getByText('home 23:58')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(screen.getByText('bar 23:59')).toBeInTheDocument();
    expect(screen.getByText('day 2026-12-01')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByText('home 0:0')).toBeInTheDocument();
    expect(screen.getByText('day 2026-12-02')).toBeInTheDocument();
    expect(dayRendered.mock.calls).toEqual([['2026-12-01'], ['2026-12-02']]);
    view.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('follows a clock that is set by hours (NTP after a dead battery) at its next tick', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2000, 0, 1, 0, 0, 10));
    render(<Minute label="bar" />);
    expect(screen.getByText('bar 0:0')).toBeInTheDocument();
    vi.setSystemTime(new Date(2026, 11, 1, 9, 41, 30));
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    expect(screen.getByText('bar 9:42')).toBeInTheDocument();
  });
});
