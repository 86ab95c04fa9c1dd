/**
 * Hand-written fakes of the Electron objects the shell's modules take as parameters. Each implements the
 * module's typed slice of Electron's API (so a change in Electron's types breaks them at compile time) and
 * records what was done to it, so tests assert on behaviour rather than on mock calls.
 */
import type { App, BrowserWindowConstructorOptions, CustomScheme, HandlerDetails, Input, PowerSaveBlocker, Session, WindowOpenHandlerResponse } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { SafeStorageLike } from '../credentials.ts';
import type { IpcHandle, SenderEvent } from '../ipc.ts';
import type { HeaderFilter, ResponseHeaders } from '../network.ts';
import type { KioskContents, KioskWindow, ShellApp, ShellSession } from '../shell.ts';
import type { Updater } from '../updates.ts';

type Listener = (...args: never[]) => unknown;

/** A minimal event emitter with Electron's `on`/`once` shape and a test-side `emit`. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Array<{ fn: Listener; once: boolean }>>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn: listener, once: false }]);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { fn: listener, once: true }]);
    return this;
  }

  /** Calls every listener of `event` with `args`; returns how many there were. */
  emit(event: string, ...args: unknown[]): number {
    const all = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      all.filter((l) => !l.once),
    );
    for (const l of all) (l.fn as (...a: unknown[]) => unknown)(...args);
    return all.length;
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event whose default can be prevented. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export const keyInput = (key: string, init: Partial<Input> = {}): Input => ({
  type: 'keyDown',
  key,
  code: init.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key),
  isAutoRepeat: false,
  isComposing: false,
  shift: false,
  control: false,
  alt: false,
  meta: false,
  location: 0,
  modifiers: [],
  ...init,
});

export class FakeWebContents extends FakeEmitter implements KioskContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  url = '';
  loads: string[] = [];
  sent: Array<{ channel: string; args: unknown[] }> = [];
  zoomLimits: [number, number] | null = null;
  zoomLevel = 0;
  devToolsOpen = false;
  crashes = 0;
  destroyed = false;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;

  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loads.push(url);
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  setZoomLevel(level: number): void {
    this.zoomLevel = level;
  }
  closeDevTools(): void {
    this.devToolsOpen = false;
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends FakeEmitter implements KioskWindow {
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = 0;
  kiosk: boolean;
  fullScreen: boolean;
  minimized = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.kiosk = options.kiosk ?? false;
    this.fullScreen = options.fullscreen ?? false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }
  isKiosk(): boolean {
    return this.kiosk;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
}

export class FakeApp extends FakeEmitter implements ShellApp {
  paths: Record<string, string> = { appData: '/fake/appData', home: '/fake/home' };
  /** Every call, in order, so tests can check what happened before `ready`. */
  calls: string[] = [];
  lock = true;
  quitCalls = 0;
  relaunches = 0;
  loginItems: Parameters<App['setLoginItemSettings']>[0][] = [];
  switches: Array<[string, string | undefined]> = [];
  isPackaged = true;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      this.switches.push([name, value]);
    },
  };

  getPath(name: Parameters<App['getPath']>[0]): string {
    this.calls.push(`getPath:${name}`);
    const path = this.paths[name];
    if (!path) throw new Error(`no fake path for ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.calls.push(`setPath:${name}`);
    this.paths[name] = path;
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lock;
  }
  quit(): void {
    this.calls.push('quit');
    this.quitCalls += 1;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** Test side: Electron says it is ready. */
  async ready(): Promise<void> {
    this.calls.push('ready');
    this.resolveReady();
    await this.readyPromise;
    await new Promise((r) => setTimeout(r, 0));
  }
  getVersion(): string {
    return '0.1.0';
  }
  relaunch(): void {
    this.relaunches += 1;
  }
  setLoginItemSettings(settings: Parameters<App['setLoginItemSettings']>[0]): void {
    this.loginItems.push(settings);
  }
}

export class FakeProtocol {
  schemes: CustomScheme[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  calls: string[];
  constructor(calls: string[] = []) {
    this.calls = calls;
  }
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.calls.push('registerSchemesAsPrivileged');
    this.schemes.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

type HandlerSetter = 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler';
type H<K extends HandlerSetter> = Parameters<Session[K]>[0];

export class FakeSession implements ShellSession {
  permissionRequest: H<'setPermissionRequestHandler'> = null;
  permissionCheck: H<'setPermissionCheckHandler'> = null;
  devicePermission: H<'setDevicePermissionHandler'> = null;
  displayMedia: H<'setDisplayMediaRequestHandler'> = null;
  flushes = 0;
  /** What clearStorageData was asked to clear, call by call. */
  cleared: string[][] = [];
  beforeRequest: ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  headersReceived: Parameters<HeaderFilter['onHeadersReceived']>[0] | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: Parameters<HeaderFilter['onHeadersReceived']>[0]) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: H<'setPermissionRequestHandler'>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: H<'setPermissionCheckHandler'>): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: H<'setDevicePermissionHandler'>): void {
    this.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: H<'setDisplayMediaRequestHandler'>): void {
    this.displayMedia = handler;
  }
  flushStorageData(): void {
    this.flushes += 1;
  }
  clearStorageData(options?: Parameters<Session['clearStorageData']>[0]): Promise<void> {
    this.cleared.push([...(options?.storages ?? ['everything'])]);
    return Promise.resolve();
  }
  /** Test side: the headers a response would reach the page with. */
  headersFor(url: string, responseHeaders: ResponseHeaders): ResponseHeaders | undefined {
    let out: ResponseHeaders | undefined;
    this.headersReceived?.({ url, responseHeaders }, (r) => {
      out = r.responseHeaders;
    });
    return out;
  }
  /** Test side: would this request go out? */
  allows(url: string): boolean {
    let cancel = false;
    this.beforeRequest?.({ url }, (r) => {
      cancel = r.cancel ?? false;
    });
    return !cancel;
  }
}

export class FakeIpcMain implements IpcHandle {
  readonly handlers = new Map<string, (event: SenderEvent, raw: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: SenderEvent, raw: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  /** Test side: what ipcRenderer.invoke from `event`'s frame would get back. */
  invoke(channel: string, event: SenderEvent, raw?: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, raw);
  }
}

/** An IPC event from the top frame of `contents` showing `url`. */
export const senderEvent = (contents: { id: number }, url: string, parent: unknown = null): SenderEvent => ({
  sender: { id: contents.id },
  senderFrame: { url, parent },
});

export class FakePowerSaveBlocker implements Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> {
  private next = 1;
  readonly active = new Map<number, string>();
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = this.next++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

/**
 * Reversible "encryption" marked with a prefix, so tests can tell an encrypted file from a plain one. It answers
 * as Electron 41's safeStorage does (shell/browser/api/electron_api_safe_storage.cc): with the `basic_text`
 * backend (Linux under `--password-store=basic`) there is no secret key, so encryption is available only after
 * `setUsePlainTextEncryption(true)`; with any other backend, when the OS key is (`keyAvailable`).
 */
export class FakeSafeStorage implements SafeStorageLike {
  decrypts = 0;
  usePlainText = false;
  constructor(
    public keyAvailable = true,
    public backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret',
    public key = 'k1',
  ) {}
  isEncryptionAvailable(): boolean {
    return this.backend === 'basic_text' ? this.usePlainText : this.keyAvailable;
  }
  setUsePlainTextEncryption(usePlainText: boolean): void {
    this.usePlainText = usePlainText;
  }
  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.from(`enc:${this.key}:${Buffer.from(plainText).toString('hex')}`);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    this.decrypts += 1;
    const [tag, key, hex] = encrypted.toString().split(':');
    if (tag !== 'enc' || key !== this.key || hex === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(hex, 'hex').toString();
  }
  getSelectedStorageBackend(): ReturnType<SafeStorageLike['getSelectedStorageBackend']> {
    return this.backend;
  }
}

/** Whether dotted version a is above b (numeric parts; enough for the fakes' x.y.z). */
const newerVersion = (a: string, b: string): boolean => {
  const [left, right] = [a, b].map((version) => version.split('.').map(Number));
  for (let i = 0; i < Math.max(left!.length, right!.length); i += 1) {
    const difference = (left![i] ?? 0) - (right![i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return false;
};

export class FakeUpdater extends FakeEmitter implements Updater {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  logger: AppUpdater['logger'] = null;
  requestHeaders: AppUpdater['requestHeaders'] = null;
  feed: Parameters<AppUpdater['setFeedURL']>[0] | null = null;
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  /** The running app's version: an offered version above it is an update. */
  currentVersion = '0.1.0';
  /**
   * What the centre's channel answers a check with, as electron-updater reports it: the version offered (events,
   * then the result), or the error it emits and throws (code ERR_UPDATER_CHANNEL_FILE_NOT_FOUND: no release for
   * this station). Null: the check answers null, as an inactive updater does (not packaged). A download is the
   * test's to emit ('update-downloaded').
   */
  centre: { version: string } | Error | null = null;
  /** autoDownload at each check, to see a confirming check download nothing. */
  readonly checkedWithAutoDownload: boolean[] = [];
  setFeedURL(options: Parameters<AppUpdater['setFeedURL']>[0]): void {
    this.feed = options;
  }
  checkForUpdates(): ReturnType<AppUpdater['checkForUpdates']> {
    this.checks += 1;
    this.checkedWithAutoDownload.push(this.autoDownload);
    const { centre } = this;
    if (centre === null) return Promise.resolve(null);
    this.emit('checking-for-update');
    if (centre instanceof Error) {
      this.emit('error', centre);
      return Promise.reject(centre);
    }
    const updateInfo = { version: centre.version, files: [], path: '', sha512: '', releaseDate: '2025-01-06' };
    const isUpdateAvailable = newerVersion(centre.version, this.currentVersion);
    this.emit(isUpdateAvailable ? 'update-available' : 'update-not-available', updateInfo);
    return Promise.resolve({ isUpdateAvailable, updateInfo, versionInfo: updateInfo });
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}
