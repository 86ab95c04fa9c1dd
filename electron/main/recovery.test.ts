// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppUrl } from './app-protocol.ts';
import { RecoveryPolicy, superviseRenderer } from './recovery.ts';
import { FakeWebContents } from './testing/fakes.ts';

const s = 1000;
const min = 60 * s;

describe('RecoveryPolicy', () => {
  it('reloads with exponential backoff', () => {
    const p = new RecoveryPolicy();
    expect(p.failed(0, 'crashed')).toEqual({ action: 'reload', delayMs: 1 * s });
    expect(p.failed(10 * s, 'crashed')).toEqual({ action: 'reload', delayMs: 2 * s });
    expect(p.failed(20 * s, 'hung')).toEqual({ action: 'reload', delayMs: 4 * s });
  });

  it('calls a fourth failure within five minutes a crash loop: out of service, retrying ever more slowly, capped', () => {
    const p = new RecoveryPolicy();
    for (let i = 0; i < 3; i += 1) p.failed(i * s, 'crashed');
    expect(p.failed(3 * s, 'crashed')).toEqual({ action: 'out-of-service', retryInMs: 1 * min });
    expect(p.outOfService).toBe(true);
    expect(p.failed(2 * min, 'load-failed')).toEqual({ action: 'out-of-service', retryInMs: 2 * min });
    expect(p.failed(5 * min, 'crashed')).toEqual({ action: 'out-of-service', retryInMs: 4 * min });
    expect(p.failed(10 * min, 'crashed')).toEqual({ action: 'out-of-service', retryInMs: 8 * min });
    expect(p.failed(20 * min, 'crashed')).toEqual({ action: 'out-of-service', retryInMs: 15 * min });
    expect(p.failed(40 * min, 'crashed')).toEqual({ action: 'out-of-service', retryInMs: 15 * min });
  });

  it('does not count failures far apart as a loop', () => {
    const p = new RecoveryPolicy();
    for (let i = 0; i < 10; i += 1) expect(p.failed(i * 6 * min, 'crashed').action).toBe('reload');
  });

  it('forgives everything once the app has run ten minutes without failing', () => {
    const p = new RecoveryPolicy();
    for (let i = 0; i < 4; i += 1) p.failed(i * s, 'crashed');
    expect(p.outOfService).toBe(true);
    p.loaded(1 * min);
    expect(p.forgetIfStable(5 * min)).toBe(false);
    expect(p.forgetIfStable(11 * min)).toBe(true);
    expect(p.outOfService).toBe(false);
    expect(p.failed(12 * min, 'crashed')).toEqual({ action: 'reload', delayMs: 1 * s });
  });

  it('a load that fails again before it is stable does not reset the count', () => {
    const p = new RecoveryPolicy();
    p.failed(0, 'crashed');
    p.loaded(2 * s);
    expect(p.failed(30 * s, 'crashed')).toEqual({ action: 'reload', delayMs: 2 * s });
  });
});

describe('superviseRenderer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const supervised = () => {
    const contents = new FakeWebContents();
    let t = 0;
    const events: string[] = [];
    const handle = superviseRenderer(contents, {
      policy: new RecoveryPolicy(),
      now: () => t,
      loadApp: () => {
        events.push('load');
        void contents.loadURL('app://kiosk/index.html');
      },
      showOutOfService: () => {
        events.push('out-of-service');
        void contents.loadURL('app://service/out-of-service.html');
      },
      hangGraceMs: 15 * s,
      isAppUrl,
      log: () => undefined,
    });
    return { contents, events, advance: (ms: number) => ((t += ms), vi.advanceTimersByTime(ms)), handle };
  };

  it('reloads a crashed renderer after the backoff delay', () => {
    const { contents, events, advance } = supervised();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    advance(999);
    expect(events).toEqual([]);
    advance(1);
    expect(events).toEqual(['load']);
  });

  it('kills a renderer that stays hung past its grace, and reloads it after the crash that follows', () => {
    const { contents, events, advance } = supervised();
    contents.emit('unresponsive');
    advance(10 * s);
    contents.emit('responsive');
    advance(10 * s);
    expect(contents.crashes).toBe(0);
    contents.emit('unresponsive');
    advance(15 * s);
    expect(contents.crashes).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    advance(1 * s);
    expect(events).toEqual(['load']);
  });

  it('shows the out-of-service page in a crash loop and keeps trying to bring the app back', () => {
    const { contents, events, advance } = supervised();
    for (let i = 0; i < 4; i += 1) {
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      advance(100);
    }
    expect(events).toEqual(['out-of-service']);
    expect(contents.url).toBe('app://service/out-of-service.html');
    advance(1 * min);
    expect(events).toEqual(['out-of-service', 'load']);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html', true);
    expect(events.at(-1)).toBe('out-of-service');
    advance(2 * min);
    expect(events.at(-1)).toBe('load');
  });

  it('ignores aborted loads, sub-frames and the service page', () => {
    const { contents, events, advance } = supervised();
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://kiosk/index.html', true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/frame.html', false);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://service/x', true);
    advance(60 * s);
    expect(events).toEqual([]);
  });

  it('stops its timers when disposed', () => {
    const { contents, events, advance, handle } = supervised();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    handle.dispose();
    advance(60 * s);
    expect(events).toEqual([]);
  });
});
