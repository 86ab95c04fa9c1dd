import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';
import {
  changeSchema,
  cursorSchema,
  epochSchema,
  errorBodySchema,
  heartbeatRequestSchema,
  isSupportedProtocol,
  MAX_PUSH_ENTRIES,
  messages,
  normalizeEnrolmentCode,
  parseProtocolVersion,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  stationTokenSchema,
} from './wire.ts';

const push = (seqs: number[]) => ({
  stationId: 'demo-station',
  epoch: crypto.randomUUID(),
  schemaVersion: 1,
  entries: seqs.map((seq) => ({ seq, record: { id: newId() } })),
});

describe('protocol version', () => {
  it('parses major.minor and accepts every minor of major 1', () => {
    expect(parseProtocolVersion(PROTOCOL_VERSION)).toEqual({ major: 1, minor: 0 });
    expect(isSupportedProtocol(parseProtocolVersion('1.7')!)).toBe(true);
    expect(isSupportedProtocol(parseProtocolVersion('2.0')!)).toBe(false);
    expect(isSupportedProtocol(parseProtocolVersion('0.9')!)).toBe(false);
  });
  it.each([undefined, '', '1', 'v1.0', '1.0.0', '1.x', ' ', 42, '99999.1'])('refuses %j', (value) => {
    expect(parseProtocolVersion(value)).toBeNull();
  });
});

describe('push request', () => {
  it('takes a batch in increasing seq order, gaps allowed (the server stops at them)', () => {
    expect(pushRequestSchema.safeParse(push([1, 2, 3])).success).toBe(true);
    expect(pushRequestSchema.safeParse(push([4, 9])).success).toBe(true);
  });
  it('refuses empty, oversized, unordered and duplicate-seq batches', () => {
    expect(pushRequestSchema.safeParse(push([])).success).toBe(false);
    expect(pushRequestSchema.safeParse(push(Array.from({ length: MAX_PUSH_ENTRIES + 1 }, (_, i) => i + 1))).success).toBe(false);
    expect(pushRequestSchema.safeParse(push([2, 1])).success).toBe(false);
    expect(pushRequestSchema.safeParse(push([1, 1])).success).toBe(false);
    expect(pushRequestSchema.safeParse(push([0])).success).toBe(false);
    expect(pushRequestSchema.safeParse(push([1.5])).success).toBe(false);
  });
  it('leaves record validation to the server, record by record', () => {
    const batch = { ...push([1]), entries: [{ seq: 1, record: 'not even an object' }] };
    expect(pushRequestSchema.safeParse(batch).success).toBe(true);
  });
  it('needs a well-formed epoch and station', () => {
    expect(epochSchema.safeParse(crypto.randomUUID()).success).toBe(true);
    expect(epochSchema.safeParse('short').success).toBe(false);
    expect(epochSchema.safeParse('../../etc/passwd').success).toBe(false);
    expect(pushRequestSchema.safeParse({ ...push([1]), stationId: 'Demo Station' }).success).toBe(false);
  });
});

describe('answers', () => {
  it('describes an acknowledgement with dead letters', () => {
    const ack = { epoch: crypto.randomUUID(), appliedSeq: 3, deadLetters: [{ seq: 2, id: null, reason: 'invalid-record', detail: 'kind' }] };
    expect(pushResponseSchema.parse(ack)).toEqual(ack);
    // A reason a newer centre added is kept (the kiosk shows it as "other"); a malformed one is not a reason.
    expect(pushResponseSchema.safeParse({ ...ack, deadLetters: [{ seq: 2, id: null, reason: 'quota-exceeded', detail: null }] }).success).toBe(true);
    expect(pushResponseSchema.safeParse({ ...ack, deadLetters: [{ seq: 2, id: null, reason: 'Because!', detail: null }] }).success).toBe(false);
  });
  it('describes pulled changes with tombstones and cursors as strings', () => {
    const page = {
      changes: [
        { seq: '7', collection: 'services', op: 'put', id: 'bills', value: { id: 'bills' } },
        { seq: '9', collection: 'notices', op: 'delete', id: 'old-notice' },
      ],
      cursor: '9',
      hasMore: false,
      reset: false,
    };
    expect(pullResponseSchema.parse(page)).toEqual(page);
    expect(changeSchema.safeParse({ seq: '1', collection: 'services', op: 'put', id: 'x' }).success).toBe(false);
    // A collection a newer centre publishes parses (the kiosk skips it); a malformed name does not.
    expect(changeSchema.safeParse({ seq: '1', collection: 'parking-spaces', op: 'delete', id: 'x' }).success).toBe(true);
    expect(changeSchema.safeParse({ seq: '1', collection: '../secrets', op: 'delete', id: 'x' }).success).toBe(false);
    expect(cursorSchema.safeParse('007').success).toBe(false);
    expect(cursorSchema.safeParse('-1').success).toBe(false);
    expect(cursorSchema.safeParse('1'.repeat(16)).success).toBe(false);
  });
  it('has one error body shape', () => {
    expect(errorBodySchema.safeParse({ error: 'update-required', message: 'update the kiosk' }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: 'teapot', message: '' }).success).toBe(false);
  });
});

describe('the rest', () => {
  it('normalizes printed enrolment codes', () => {
    expect(normalizeEnrolmentCode('abcd-efgh 2345')).toBe('ABCDEFGH2345');
  });
  it('recognizes station tokens', () => {
    expect(stationTokenSchema.safeParse(`yz1_${'A'.repeat(43)}`).success).toBe(true);
    expect(stationTokenSchema.safeParse(`yz1_${'A'.repeat(42)}`).success).toBe(false);
  });
  it('bounds the heartbeat', () => {
    const beat = {
      stationId: 'demo-station',
      appVersion: '0.1.0',
      recordsWaiting: 3,
      storageUsed: 1000,
      storageQuota: null,
      lastError: null,
      clockOffsetMs: -1200,
      sentAt: new Date().toISOString(),
    };
    expect(heartbeatRequestSchema.safeParse(beat).success).toBe(true);
    expect(heartbeatRequestSchema.safeParse({ ...beat, recordsWaiting: -1 }).success).toBe(false);
    expect(heartbeatRequestSchema.safeParse({ ...beat, lastError: 'x'.repeat(501) }).success).toBe(false);
  });
  it('names every message once, with distinct paths under /api', () => {
    const paths = Object.values(messages).map((m) => m.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\/api\/[a-z-]+$/);
    expect(messages.enrol.auth).toBe(false);
  });
});
