import { BridgeError, type Setup } from '../common/bridge.ts';
import type { StationConfig } from '../common/config.ts';
import { type DeriveKey, hashPin, PinGate } from '../common/technician.ts';
import { type ConfigEnvironment, type LoadedConfig, loadStationConfig } from './config.ts';
import { readSetupLayer, withPinHash, withStation, writeSetupLayer } from './setup-file.ts';

export interface StationConfigStoreOptions {
  environment: ConfigEnvironment;
  /** PBKDF2-SHA256 (Node's, asynchronous: it runs off the main thread). */
  derive: DeriveKey;
  randomSalt: () => Uint8Array;
}

export interface ConfigChange {
  before: StationConfig;
  after: LoadedConfig;
}

/**
 * The station config the shell runs with, and the two things a technician changes on the tablet itself: the
 * first-run setup (the station's identity) and the technician PIN. Each change is written to the setup file
 * first, then the layers are read again, so what runs is always what a restart would read. The PIN gate
 * follows the PIN.
 */
export class StationConfigStore {
  private current: LoadedConfig;
  private pinGate: PinGate;

  constructor(private readonly options: StationConfigStoreOptions) {
    this.current = loadStationConfig(options.environment);
    this.pinGate = this.gateFor(this.current);
  }

  get loaded(): LoadedConfig {
    return this.current;
  }

  get gate(): PinGate {
    return this.pinGate;
  }

  async saveSetup(setup: Setup): Promise<ConfigChange> {
    return this.rewrite((layer) => withStation(layer, setup));
  }

  /**
   * Sets the technician PIN: at first run, when the station has none, or later within a technician's session.
   * Opens a session with it, so the technician goes on to the setup without typing it again. A PIN from the
   * station file or the environment belongs to whoever wrote them: refused here.
   */
  async setPin(pin: string, now: number): Promise<ConfigChange & { expiresAt: number }> {
    const { pinSource } = this.current;
    if (pinSource === 'system' || pinSource === 'env') throw new BridgeError('unavailable', "this station's PIN is set by its station file: change it there");
    if (this.pinGate.configured && !this.pinGate.isUnlocked(now)) throw new BridgeError('technician-required', 'changing the PIN needs the technician session');
    const pinHash = await hashPin(pin, this.options.randomSalt(), this.options.derive);
    const change = await this.rewrite((layer) => withPinHash(layer, pinHash));
    const opened = await this.pinGate.unlock(pin, now);
    if (!opened.ok) throw new BridgeError('failed', 'the new PIN did not open the gate');
    return { ...change, expiresAt: opened.expiresAt };
  }

  private async rewrite(change: (layer: ReturnType<typeof readSetupLayer>) => ReturnType<typeof readSetupLayer>): Promise<ConfigChange> {
    const { setupPath, readText } = this.options.environment;
    const before = this.current.config;
    await writeSetupLayer(setupPath, change(readSetupLayer(setupPath, readText)));
    this.current = loadStationConfig(this.options.environment);
    // A new PIN needs a new gate; otherwise the technician's session goes on (to correct a refused code).
    if (this.current.config.pinHash !== before.pinHash) this.pinGate = this.gateFor(this.current);
    return { before, after: this.current };
  }

  private gateFor(loaded: LoadedConfig): PinGate {
    return new PinGate({ pinHash: loaded.config.pinHash, derive: this.options.derive });
  }
}
