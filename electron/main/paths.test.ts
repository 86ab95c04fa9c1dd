// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pinUserData } from './paths.ts';
import { FakeApp } from './testing/fakes.ts';

describe('pinUserData', () => {
  it('pins userData and sessionData to a fixed folder, whatever the product is called', () => {
    const app = new FakeApp();
    const paths = pinUserData(app, {});
    expect(app.paths.userData).toBe('/fake/appData/Yizhan');
    expect(app.paths.sessionData).toBe('/fake/appData/Yizhan');
    expect(paths).toMatchObject({ logs: '/fake/appData/Yizhan/logs', exports: '/fake/appData/Yizhan/exports', credential: '/fake/appData/Yizhan/station.credential' });
    expect(app.calls).toEqual(['getPath:appData', 'setPath:userData', 'setPath:sessionData']);
  });

  it('takes YIZHAN_USER_DATA when set', () => {
    const app = new FakeApp();
    expect(pinUserData(app, { YIZHAN_USER_DATA: '/data/yizhan' }).userData).toBe('/data/yizhan');
    expect(app.calls).toEqual(['setPath:userData', 'setPath:sessionData']);
  });
});
