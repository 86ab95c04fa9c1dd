// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from './single-instance.ts';
import { FakeApp } from './testing/fakes.ts';

describe('claimSingleInstance', () => {
  it('keeps the first instance and brings it to the front when another starts', () => {
    const app = new FakeApp();
    let fronted = 0;
    expect(claimSingleInstance(app, () => (fronted += 1))).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', {}, ['yizhan'], '/');
    expect(fronted).toBe(1);
  });

  it('quits a second instance at once', () => {
    const app = new FakeApp();
    app.lock = false;
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.count('second-instance')).toBe(0);
  });
});
