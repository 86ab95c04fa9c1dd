import type { App } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.ts';

export const AUTOSTART_FILE = 'yizhan-kiosk.desktop';

/** Quotes one argument of a desktop entry's Exec key (freedesktop.org Desktop Entry spec, "The Exec key"). */
export const quoteExecArg = (arg: string): string => {
  const escaped = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
};

export const desktopEntry = (exec: string, args: string[] = []): string =>
  [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Yizhan 红色驿站',
    'Comment=Red Station kiosk',
    `Exec=${[exec, ...args].map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n');

const readOrNull = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

export interface AutostartOptions {
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  execPath: string;
  log?: (message: string) => void;
}

/**
 * Starts the kiosk when the tablet's user session starts: a login item on Windows, an XDG autostart entry on
 * Linux (pointing at the AppImage itself when run from one, since its mount path changes every run). Only for
 * a packaged build; rewritten only when it changed. Returns what was done.
 */
export const installAutostart = ({ app, platform, env, home, execPath, log = () => undefined }: AutostartOptions): string => {
  if (!app.isPackaged) return 'skipped (not packaged)';
  if (platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: true, path: execPath });
    return 'windows login item';
  }
  if (platform !== 'linux') return `skipped (${platform})`;
  const dir = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart');
  const path = join(dir, AUTOSTART_FILE);
  const content = desktopEntry(env.APPIMAGE || execPath);
  if (readOrNull(path) === content) return path;
  writeFileAtomic(path, content, 0o644);
  log(`autostart entry written: ${path}`);
  return path;
};
