import type { WebContents } from 'electron';
import { type BridgeHandlers, type EventChannel, events, failure, invokes, type PayloadOf, serveBridge } from '../common/bridge.ts';
import { isAppUrl } from './app-protocol.ts';

export type SenderEvent = {
  sender: Pick<WebContents, 'id'>;
  senderFrame: { url: string; parent: unknown } | null;
};

/**
 * Only the kiosk window's top frame, showing the app's own origin, may call the bridge. A frame that
 * navigated away (senderFrame null), a sub-frame, another WebContents or another origin is refused.
 */
export const isTrustedSender = (event: SenderEvent, kioskContentsId: () => number | null): boolean => {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.id !== kioskContentsId()) return false;
  return isAppUrl(frame.url);
};

/** What serveIpc needs of ipcMain (Electron's IpcMain satisfies it). */
export interface IpcHandle {
  handle(channel: string, listener: (event: SenderEvent, raw: unknown) => Promise<unknown>): void;
}

export interface ServeIpcOptions {
  kioskContentsId: () => number | null;
  technicianUnlocked: () => boolean;
  log: (message: string) => void;
}

/** Registers one `ipcMain.handle` per channel of the contract: sender check, then validate/gate/call/validate. */
export const serveIpc = (
  ipcMain: IpcHandle,
  handlers: BridgeHandlers,
  options: ServeIpcOptions,
): void => {
  for (const channel of Object.keys(invokes)) {
    ipcMain.handle(channel, async (event, raw) => {
      if (!isTrustedSender(event, options.kioskContentsId)) {
        options.log(`ipc ${channel} refused: sender ${event.senderFrame?.url.slice(0, 200) ?? '(gone)'}`);
        return failure('forbidden-sender');
      }
      const envelope = await serveBridge(handlers, channel, raw, { technicianUnlocked: options.technicianUnlocked });
      if (!envelope.ok && envelope.code !== 'technician-required') options.log(`ipc ${channel}: ${envelope.code} ${envelope.message.slice(0, 300)}`);
      return envelope;
    });
  }
};

/** Sends an event to the renderer after checking its payload against the contract. */
export const sendEvent = <E extends EventChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'> | null,
  event: E,
  payload: PayloadOf<E>,
): boolean => {
  if (!contents || contents.isDestroyed()) return false;
  const checked = events[event].safeParse(payload);
  if (!checked.success) throw new Error(`event ${event}: payload does not match the contract`);
  contents.send(event, checked.data);
  return true;
};
