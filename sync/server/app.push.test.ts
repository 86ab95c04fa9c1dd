import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../protocol/ids.ts';
import { messages, type PushResponse } from '../protocol/wire.ts';
import { engines, entries, newEpoch, pushBody, requestEvent, residentRequest, startTestServer, type TestServer, visit } from './testing/fixtures.ts';

describe.each(engines())('push on %s', (engine) => {
  let t: TestServer;
  let token: string;
  const S = 'pusher';
  const push = (epoch: string, batch: ReturnType<typeof entries>, schemaVersion = 1, tk = token) => t.call(messages.push.path, pushBody(S, epoch, batch, schemaVersion), tk);
  const ack = async (epoch: string, batch: ReturnType<typeof entries>) => {
    const response = await push(epoch, batch);
    expect(response.statusCode, response.body).toBe(200);
    return messages.push.response.parse(response.json());
  };

  beforeAll(async () => {
    t = await startTestServer({ engine });
    token = await t.enrol(S);
  });
  afterAll(async () => t?.close());

  it('the same batch twice: the same acknowledgement, nothing stored twice', async () => {
    const epoch = newEpoch();
    const batch = entries([visit(S), { ...visit(S), who: 'alien' }, visit(S)]);
    const first = await push(epoch, batch);
    const second = await push(epoch, batch);
    expect(first.statusCode).toBe(200);
    // The same acknowledgement; only the server's clock, which every answer carries, has moved on.
    const { serverTime, ...again } = second.json();
    expect(again).toEqual({ ...first.json(), serverTime: undefined });
    expect(Date.parse(serverTime)).toBeGreaterThanOrEqual(Date.parse(first.json().serverTime));
    expect(first.json()).toMatchObject({ epoch, appliedSeq: 3, deadLetters: [{ seq: 2, reason: 'invalid-record', detail: expect.stringContaining('who') }] });
    const stored = await t.storage.listRecords(S);
    expect(stored.filter((r) => r.epoch === epoch)).toHaveLength(2);
  });

  it('a lost acknowledgement is harmless: the retry, and a longer batch after it, apply each record once', async () => {
    const epoch = newEpoch();
    const records = Array.from({ length: 10 }, () => visit(S));
    await ack(epoch, entries(records.slice(0, 6)));
    // The reply never arrived: the kiosk still thinks 0 is pushed and sends everything it has.
    const retry = await ack(epoch, entries(records));
    expect(retry).toMatchObject({ epoch, appliedSeq: 10, deadLetters: [] });
    const ids = (await t.storage.listRecords(S)).filter((r) => r.epoch === epoch).map((r) => r.id);
    expect(ids).toEqual(records.map((r) => r.id));
  });

  it('stops at a gap and says where to resend from', async () => {
    const epoch = newEpoch();
    const records = Array.from({ length: 6 }, () => visit(S));
    expect((await ack(epoch, entries(records.slice(0, 2)))).appliedSeq).toBe(2);
    const gapped = await ack(epoch, [...entries(records.slice(2, 3), 3), ...entries(records.slice(4), 5)]);
    expect(gapped).toMatchObject({ epoch, appliedSeq: 3, deadLetters: [] });
    const skipped = await ack(epoch, entries(records.slice(5), 6));
    expect(skipped.appliedSeq).toBe(3);
    expect((await ack(epoch, entries(records.slice(3), 4))).appliedSeq).toBe(6);
    expect((await t.storage.listRecords(S)).filter((r) => r.epoch === epoch).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a new epoch starts at seq 1 again without being mistaken for replays', async () => {
    const before = (await t.storage.listRecords(S)).length;
    await ack(newEpoch(), entries([visit(S), visit(S)]));
    await ack(newEpoch(), entries([visit(S), visit(S)]));
    expect((await t.storage.listRecords(S)).length).toBe(before + 4);
  });

  it('refuses a log that diverged from what the server applied (409), storing nothing', async () => {
    const epoch = newEpoch();
    await ack(epoch, entries([visit(S), visit(S)]));
    const before = (await t.storage.listRecords(S)).length;
    const response = await push(epoch, entries([visit(S), visit(S), visit(S)]));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'outbox-diverged' });
    expect((await t.storage.listRecords(S)).length).toBe(before);
  });

  it('acknowledges and reports records that can never be accepted, so they do not block the outbox', async () => {
    const epoch = newEpoch();
    const request = residentRequest(S);
    const result = await ack(epoch, entries([
      'a string',
      visit('someone-else'),
      request,
      requestEvent(S, request.id, 'submit'),
      requestEvent(S, request.id, 'rate', 'resident'),
      requestEvent(S, newId(), 'cancel'),
      visit(S),
    ]));
    expect(result.appliedSeq).toBe(7);
    expect(result.deadLetters.map((d) => [d.seq, d.reason, d.detail])).toEqual([
      [1, 'invalid-record', expect.any(String)],
      [2, 'wrong-station', 'record of someone-else'],
      [5, 'illegal-transition', 'wrong-state'],
      [6, 'unknown-request', null],
    ]);
    expect(await t.storage.getRequestStatus(request.id)).toEqual({ stationId: S, status: 'submitted' });
    const dead = (await t.storage.listDeadLetters(S)).filter((d) => d.epoch === epoch);
    expect(dead.map((d) => d.seq)).toEqual([1, 2, 5, 6]);
  });

  it('refuses a whole push only for the client\'s own schema version: 426 too old, 409 too new; nothing applied', async () => {
    const epoch = newEpoch();
    const oldClient = await push(epoch, entries([visit(S)]), 0);
    expect(oldClient.statusCode).toBe(426);
    expect(oldClient.json()).toMatchObject({ error: 'update-required', accepted: { schemaVersions: { min: 1, max: 1 } } });
    const newerClient = await push(epoch, entries([visit(S)]), 2);
    expect(newerClient.statusCode).toBe(409);
    expect(newerClient.json()).toMatchObject({ error: 'schema-too-new' });
    expect((await ack(epoch, entries([visit(S)]))).appliedSeq).toBe(1);
  });

  it('dead-letters a single record of a schema version too old or too new and applies the rest of its batch', async () => {
    const epoch = newEpoch();
    const good = [visit(S), visit(S), visit(S)];
    const tooOld = { ...visit(S), v: 0 };
    const tooNew = { ...visit(S), v: 2, futureField: 'x' };
    const result = await ack(epoch, entries([good[0], tooOld, good[1], tooNew, good[2]]));
    expect(result).toEqual({
      epoch,
      appliedSeq: 5,
      serverTime: expect.any(String),
      deadLetters: [
        { seq: 2, id: tooOld.id, reason: 'schema-too-old', detail: 'v0; this server accepts v1 to v1' },
        { seq: 4, id: tooNew.id, reason: 'schema-too-new', detail: 'v2; this server accepts v1 to v1' },
      ],
    });
    const stored = (await t.storage.listRecords(S)).filter((r) => r.epoch === epoch);
    expect(stored.map((r) => r.id)).toEqual(good.map((r) => r.id));
    const dead = (await t.storage.listDeadLetters(S)).filter((d) => d.epoch === epoch);
    expect(dead).toMatchObject([
      { seq: 2, reason: 'schema-too-old', payload: tooOld },
      { seq: 4, reason: 'schema-too-new', payload: tooNew },
    ]);
  });

  it('applies concurrent retries of one batch once', async () => {
    const epoch = newEpoch();
    const batch = entries(Array.from({ length: 40 }, () => visit(S)));
    const answers = await Promise.all(Array.from({ length: 5 }, () => push(epoch, batch)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => (a.json() as PushResponse).appliedSeq))).toEqual(new Set([40]));
    expect((await t.storage.listRecords(S)).filter((r) => r.epoch === epoch)).toHaveLength(40);
  });
});
