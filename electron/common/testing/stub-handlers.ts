import type { BridgeHandlers, PublicConfig, UpdateState } from '../bridge.ts';
import { defaultFeatures } from '../config.ts';

export const idleUpdate: UpdateState = { status: 'idle', version: null, percent: null, checkedAt: null, message: null };

/** Handlers that answer every channel with a valid value (what a test needs of them is overridden). */
export const stubHandlers = (overrides: Partial<BridgeHandlers> = {}): BridgeHandlers => {
  const config: PublicConfig = {
    shell: 'web',
    provisioned: false,
    stationId: null,
    stationName: null,
    serverUrl: null,
    enrolmentCode: null,
    locale: 'zh-CN',
    idle: {},
    features: defaultFeatures,
    technicianPinSet: true,
    sources: [],
    problems: [],
  };
  const file = { fileName: 'x.json', path: null, bytes: 1, count: 0 };
  return {
    'config:get': () => config,
    'diagnostics:get': () => {
      throw new Error('not stubbed');
    },
    'update:get': () => idleUpdate,
    'update:check': () => idleUpdate,
    'technician:unlock': () => ({ ok: false, reason: 'wrong-pin', attemptsLeft: 4, retryAt: null }),
    'technician:set-pin': () => ({ expiresAt: '2025-01-06T02:15:00.000Z' }),
    'technician:lock': () => ({}),
    'technician:status': () => ({ unlocked: false, expiresAt: null, lockedUntil: null }),
    'kiosk:restart': () => ({}),
    'kiosk:leave': () => ({}),
    'logs:export': () => file,
    'logs:write': () => ({}),
    'records:export-unsynced': () => file,
    'activity:report': () => ({}),
    'schedule:report': () => ({}),
    'credential:get': () => ({ token: null, protection: 'none' }),
    'credential:set': () => ({ protection: 'browser' }),
    'credential:clear': () => ({}),
    'setup:save': () => config,
    'export:deliver': () => ({}),
    ...overrides,
  };
};

