/**
 * Exposes `window.kiosk` to the renderer (contextBridge; the page never sees ipcRenderer). Every request is
 * checked against the contract before it is sent, every answer and event after it arrives; unknown channels
 * are refused here, before the main process (which checks all of it again) is even asked.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import { checkEnvelope, checkEvent, checkRequest, type EventChannel, isEventChannel, type KioskApi } from './common/bridge.ts';

// The page's CSP forbids eval; zod must not try it.
z.config({ jitless: true });

const kiosk: KioskApi = {
  async invoke(channel, request) {
    const checked = checkRequest(channel, request);
    if (!checked.ok) return checked;
    return checkEnvelope(channel, await ipcRenderer.invoke(checked.value.channel, checked.value.request));
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`no such event: ${String(event).slice(0, 64)}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      const checked = checkEvent(event as EventChannel, payload);
      if (checked !== null) listener(checked as never);
    };
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
