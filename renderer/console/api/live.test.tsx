import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeLive } from '../testing/fake-live.ts';
import { createFakeServer } from '../testing/fake-server.ts';
import { ApiProvider, LiveProvider } from './ApiProvider.tsx';
import { createConsoleClient } from './client.ts';
import { createEventSourceFeed, type LiveChange, useLiveReload } from './live.ts';

/** A stand-in for the browser's EventSource: the test opens it, sends events, drops it, as a server would. */
class ScriptedEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: ScriptedEventSource[] = [];
  readyState = ScriptedEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    ScriptedEventSource.opened.push(this);
  }
  open() {
    this.readyState = ScriptedEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }
  send(type: string, data: string) {
    this.dispatchEvent(new MessageEvent(type, { data }));
  }
  /** A dropped connection the browser retries (CONNECTING), or an answer that ends the stream (CLOSED). */
  drop(final: boolean) {
    this.readyState = final ? ScriptedEventSource.CLOSED : ScriptedEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }
  close() {
    this.readyState = ScriptedEventSource.CLOSED;
  }
}

const change = { requestId: '0190a5c4-7b2e-7c3d-8e4f-000000000001', stationId: 'east-gate', status: 'submitted', at: '2026-03-05T00:00:00.000Z' };

afterEach(() => vi.useRealTimers());

describe('the live feed', () => {
  beforeEach(() => {
    ScriptedEventSource.opened = [];
    vi.useFakeTimers();
  });

  const feed = () => createEventSourceFeed('/console/api/live', { EventSourceImpl: ScriptedEventSource as unknown as typeof EventSource, reconnectAfterMs: 10_000 });

  it('passes on the changes the contract describes and ignores anything else', () => {
    const live = feed();
    const heard: LiveChange[] = [];
    live.subscribe((next) => heard.push(next));
    live.start();
    const source = ScriptedEventSource.opened[0]!;
    expect(source.url).toBe('/console/api/live');
    source.open();
    expect(live.state()).toBe('open');
    source.send('request', JSON.stringify(change));
    source.send('request', '{"requestId":"not-a-uuid"}');
    source.send('request', 'not json');
    expect(heard).toEqual([{ type: 'request', event: change }]);
  });

  it('lets the browser retry a dropped connection, and opens a new one after a stream that ended, saying to read again', () => {
    const live = feed();
    const heard: LiveChange[] = [];
    live.subscribe((next) => heard.push(next));
    live.start();
    ScriptedEventSource.opened[0]!.open();
    ScriptedEventSource.opened[0]!.drop(false);
    expect(live.state()).toBe('reconnecting');
    vi.advanceTimersByTime(30_000);
    expect(ScriptedEventSource.opened).toHaveLength(1);
    ScriptedEventSource.opened[0]!.drop(true);
    vi.advanceTimersByTime(9_999);
    expect(ScriptedEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ScriptedEventSource.opened).toHaveLength(2);
    ScriptedEventSource.opened[1]!.open();
    expect(live.state()).toBe('open');
    expect(heard).toEqual([{ type: 'resync' }]);
  });

  it('stops for good when stopped, and starts over cleanly', () => {
    const live = feed();
    live.start();
    const first = ScriptedEventSource.opened[0]!;
    first.open();
    live.stop();
    expect(first.readyState).toBe(ScriptedEventSource.CLOSED);
    first.drop(true);
    vi.advanceTimersByTime(60_000);
    expect(ScriptedEventSource.opened).toHaveLength(1);
    const heard: LiveChange[] = [];
    live.subscribe((next) => heard.push(next));
    live.start();
    ScriptedEventSource.opened[1]!.open();
    expect(heard).toEqual([{ type: 'resync' }]);
  });
});

describe('reading again on live changes', () => {
  it('reads at once, then once more at most per quiet period however many changes come', () => {
    vi.useFakeTimers();
    const live = createFakeLive();
    let reads = 0;
    const client = createConsoleClient({ fetch: createFakeServer({}).fetch });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiProvider client={client} openLive={() => live.feed}>
        <LiveProvider>{children}</LiveProvider>
      </ApiProvider>
    );
    renderHook(() => useLiveReload(() => (reads += 1), (next) => next.type === 'resync' || next.event.stationId === 'east-gate', 1_000), { wrapper });
    const at = (stationId: string): LiveChange => ({ type: 'request', event: { ...change, stationId, status: 'submitted' } });
    live.push(at('pump-room'));
    expect(reads).toBe(0);
    for (let i = 0; i < 50; i += 1) live.push(at('east-gate'));
    expect(reads).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(reads).toBe(2);
    vi.advanceTimersByTime(5_000);
    expect(reads).toBe(2);
    live.push({ type: 'resync' });
    expect(reads).toBe(3);
  });
});
