// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { invokes } from '../common/bridge.ts';
import { stubHandlers } from '../common/testing/stub-handlers.ts';
import { isTrustedSender, sendEvent, serveIpc } from './ipc.ts';
import { FakeIpcMain, FakeWebContents, senderEvent } from './testing/fakes.ts';

const kiosk = new FakeWebContents();
const other = new FakeWebContents();

const served = (unlocked = false) => {
  const ipc = new FakeIpcMain();
  const log: string[] = [];
  serveIpc(ipc, stubHandlers(), { kioskContentsId: () => kiosk.id, technicianUnlocked: () => unlocked, log: (m) => log.push(m) });
  return { ipc, log };
};

describe('isTrustedSender', () => {
  it('trusts only the kiosk window’s top frame on the app origin', () => {
    const id = () => kiosk.id;
    expect(isTrustedSender(senderEvent(kiosk, 'app://kiosk/index.html'), id)).toBe(true);
    expect(isTrustedSender(senderEvent(kiosk, 'https://evil.example/'), id)).toBe(false);
    expect(isTrustedSender(senderEvent(kiosk, 'app://service/out-of-service.html'), id)).toBe(false);
    expect(isTrustedSender(senderEvent(kiosk, 'file:///etc/passwd'), id)).toBe(false);
    expect(isTrustedSender(senderEvent(kiosk, 'app://kiosk/frame.html', { url: 'app://kiosk/' }), id)).toBe(false);
    expect(isTrustedSender(senderEvent(other, 'app://kiosk/index.html'), id)).toBe(false);
    expect(isTrustedSender({ sender: { id: kiosk.id }, senderFrame: null }, id)).toBe(false);
    expect(isTrustedSender(senderEvent(kiosk, 'app://kiosk/index.html'), () => null)).toBe(false);
  });
});

describe('serveIpc', () => {
  it('registers exactly one handler per channel of the contract', () => {
    const { ipc } = served();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(invokes).sort());
  });

  it('answers the kiosk and refuses any other sender before looking at the request', async () => {
    const { ipc, log } = served();
    expect(await ipc.invoke('update:get', senderEvent(kiosk, 'app://kiosk/index.html'), {})).toMatchObject({ ok: true });
    expect(await ipc.invoke('update:get', senderEvent(kiosk, 'https://evil.example/'), {})).toMatchObject({ ok: false, code: 'forbidden-sender' });
    expect(await ipc.invoke('kiosk:leave', senderEvent(other, 'app://kiosk/'), {})).toMatchObject({ ok: false, code: 'forbidden-sender' });
    expect(log.filter((l) => l.includes('refused'))).toHaveLength(2);
  });

  it('validates requests and gates technician actions in the main process too', async () => {
    const { ipc } = served();
    const from = senderEvent(kiosk, 'app://kiosk/index.html');
    expect(await ipc.invoke('activity:report', from, { idle: 'maybe' })).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await ipc.invoke('kiosk:restart', from, {})).toMatchObject({ ok: false, code: 'technician-required' });
    expect(await served(true).ipc.invoke('kiosk:restart', from, {})).toEqual({ ok: true, value: {} });
  });
});

describe('sendEvent', () => {
  it('sends only payloads that match the contract, and nothing to a destroyed window', () => {
    const contents = new FakeWebContents();
    expect(sendEvent(contents, 'technician:requested', {})).toBe(true);
    expect(contents.sent).toEqual([{ channel: 'technician:requested', args: [{}] }]);
    expect(() => sendEvent(contents, 'export:request', { requestId: 'nope' })).toThrow(/contract/);
    contents.destroyed = true;
    expect(sendEvent(contents, 'technician:requested', {})).toBe(false);
    expect(sendEvent(null, 'technician:requested', {})).toBe(false);
  });
});
