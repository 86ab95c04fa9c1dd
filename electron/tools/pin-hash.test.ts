// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pinHashSchema } from '../common/config.ts';
import { PinGate } from '../common/technician.ts';

const derive = async (pin: string, salt: Uint8Array, iterations: number, length: number) => new Uint8Array(pbkdf2Sync(pin, salt, iterations, length, 'sha256'));

describe('npm run pin-hash', () => {
  it('prints a hash the config accepts and the PIN gate opens with', async () => {
    const hash = execFileSync(process.execPath, ['electron/tools/pin-hash.mjs', '13572468'], { encoding: 'utf8' }).trim();
    expect(pinHashSchema.safeParse(hash).success).toBe(true);
    const gate = new PinGate({ pinHash: hash, derive });
    expect(await gate.unlock('13572468', 0)).toMatchObject({ ok: true });
    expect(await gate.unlock('13572469', 0)).toMatchObject({ ok: false });
  });

  it('salts every hash differently, and refuses what is not a PIN', () => {
    const run = (pin: string) => spawnSync(process.execPath, ['electron/tools/pin-hash.mjs', pin], { encoding: 'utf8' });
    expect(run('2468').stdout).not.toBe(run('2468').stdout);
    expect(run('12ab').status).toBe(2);
    expect(run('123').status).toBe(2);
  });
});
