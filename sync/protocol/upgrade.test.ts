import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION } from './records.ts';
import { acceptedVersions, checkVersion, recordSchemaWindow, type SchemaWindow, upgradeRecord, versionOf } from './upgrade.ts';

/** A made-up history: v2 renamed `purpose` to `topic`, v3 added `channel`. Only v2 → v3 is still upgradable. */
const history: SchemaWindow = {
  current: 3,
  upgraders: {
    2: (record) => ({ ...record, channel: 'kiosk' }),
  },
};

describe('record schema versions', () => {
  it('accepts only v1 while v1 is current and has no predecessor', () => {
    expect(recordSchemaWindow.current).toBe(RECORD_SCHEMA_VERSION);
    expect(acceptedVersions()).toEqual({ min: 1, max: 1 });
    expect(checkVersion(1)).toBe('ok');
    expect(checkVersion(0)).toBe('too-old');
    expect(checkVersion(2)).toBe('too-new');
  });

  it('accepts the current and the previous version when an upgrader exists', () => {
    expect(acceptedVersions(history)).toEqual({ min: 2, max: 3 });
    expect(checkVersion(3, history)).toBe('ok');
    expect(checkVersion(2, history)).toBe('ok');
    expect(checkVersion(1, history)).toBe('too-old');
    expect(checkVersion(4, history)).toBe('too-new');
  });

  it('upgrades the previous version and leaves current, too old and malformed payloads alone', () => {
    expect(upgradeRecord({ v: 2, topic: 'health' }, history)).toEqual({ v: 3, topic: 'health', channel: 'kiosk' });
    const current = { v: 3, topic: 'x', channel: 'kiosk' };
    expect(upgradeRecord(current, history)).toBe(current);
    const old = { v: 1, purpose: 'x' };
    expect(upgradeRecord(old, history)).toBe(old);
    expect(upgradeRecord('nonsense', history)).toBe('nonsense');
    expect(upgradeRecord([1, 2], history)).toEqual([1, 2]);
  });

  it('never throws, even when an upgrader does', () => {
    const broken: SchemaWindow = { current: 2, upgraders: { 1: () => { throw new Error('boom'); } } };
    const raw = { v: 1 };
    expect(upgradeRecord(raw, broken)).toBe(raw);
  });

  it('reads v only when it is an integer', () => {
    expect(versionOf({ v: 1 })).toBe(1);
    expect(versionOf({ v: '1' })).toBeNull();
    expect(versionOf({ v: 1.5 })).toBeNull();
    expect(versionOf(null)).toBeNull();
  });
});
