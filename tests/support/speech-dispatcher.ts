import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian keeps espeak-ng's speech-dispatcher module and its config (speech-dispatcher-espeak-ng). */
const MODULES = '/usr/lib/speech-dispatcher-modules';
const ESPEAK_MODULE_CONF = '/etc/speech-dispatcher/modules/espeak-ng.conf';

/** Why this machine cannot run a speech-dispatcher with espeak-ng's voices, or null when it can. */
export const speechDispatcherMissing = (): string | null => {
  if (spawnSync('speech-dispatcher', ['-v'], { stdio: 'ignore' }).error) return 'speech-dispatcher is not installed';
  if (!existsSync(join(MODULES, 'sd_espeak-ng')) || !existsSync(ESPEAK_MODULE_CONF)) return "espeak-ng's module (speech-dispatcher-espeak-ng) is not installed";
  return null;
};

export interface SpeechDispatcher {
  /** XDG_RUNTIME_DIR for a Chromium that should find this daemon (its socket is where Chromium looks). */
  runtimeDir: string;
  stop(): Promise<void>;
}

/**
 * A speech-dispatcher of the test's own: its own runtime folder and socket, its own config with only espeak-ng,
 * and ALSA's null device as the audio output. Without an audio device a daemon never finishes speaking and then
 * lists no voices to whoever asks next; one daemon per test, with a sink that swallows the sound, keeps tests
 * from poisoning each other (or a technician's desktop daemon).
 */
export const startSpeechDispatcher = async (): Promise<SpeechDispatcher> => {
  const root = mkdtempSync(join(tmpdir(), 'yz-speechd-'));
  const runtimeDir = join(root, 'run');
  const socket = join(runtimeDir, 'speech-dispatcher', 'speechd.sock');
  for (const dir of [join(root, 'conf', 'modules'), join(runtimeDir, 'speech-dispatcher'), join(root, 'log')]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  copyFileSync(ESPEAK_MODULE_CONF, join(root, 'conf', 'modules', 'espeak-ng.conf'));
  writeFileSync(
    join(root, 'conf', 'speechd.conf'),
    ['AudioOutputMethod "alsa"', 'AudioALSADevice "null"', 'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"', 'DefaultModule espeak-ng', 'LogLevel 2', ''].join('\n'),
  );
  const daemon: ChildProcess = spawn(
    'speech-dispatcher',
    ['--run-single', '--timeout', '0', '--config-dir', join(root, 'conf'), '--module-dir', MODULES, '--socket-path', socket, '--pid-file', join(root, 'pid'), '--log-dir', join(root, 'log')],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
  const stop = async () => {
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  const started = Date.now();
  while (!existsSync(socket)) {
    if (daemon.exitCode !== null) {
      await stop();
      throw new Error(`speech-dispatcher exited with ${daemon.exitCode} before opening its socket`);
    }
    if (Date.now() - started > 20_000) {
      await stop();
      throw new Error('speech-dispatcher did not open its socket within 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { runtimeDir, stop };
};
