import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../../assets/demo/catalogue.json';
import { catalogueSchema } from '../protocol/catalogue.ts';
import { DISTRICT_SCOPE, isCentreCollection, parseCentreValue } from '../protocol/centre.ts';
import { type Change, messages } from '../protocol/wire.ts';
import { runMaintenance } from './maintenance.ts';
import { appendRequestEvent, publishCatalogue } from './publish.ts';
import { engines, entries, newEpoch, pushBody, requestEvent, residentRequest, startTestServer, type TestServer } from './testing/fixtures.ts';

describe.each(engines())('pull on %s', (engine) => {
  let t: TestServer;
  let token: string;
  let otherToken: string;
  const S = 'demo-station';
  const catalogue = catalogueSchema.parse(demo);

  const pull = async (cursor: string, limit?: number, tk = token, stationId = S, fullRead = false) => {
    const response = await t.call(messages.pull.path, { stationId, cursor, ...(limit ? { limit } : {}), ...(fullRead ? { fullRead } : {}) }, tk);
    expect(response.statusCode, response.body).toBe(200);
    return messages.pull.response.parse(response.json());
  };
  /** Pulls until hasMore is false; from "0" that is a full read. */
  const pullAll = async (cursor = '0', limit = 25, tk = token, stationId = S) => {
    const changes: Change[] = [];
    const fullRead = cursor === '0';
    let pages = 0;
    for (;;) {
      const page = await pull(cursor, limit, tk, stationId, fullRead);
      pages += 1;
      if (page.reset) return { changes, cursor, pages, reset: true };
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor, pages, reset: false };
    }
  };

  beforeAll(async () => {
    t = await startTestServer({ engine });
    token = await t.enrol(S);
    otherToken = await t.enrol('other-station');
    await publishCatalogue(t.storage, catalogue, 'station', t.clock.now());
    await t.storage.publish({ scope: 'other-station', collections: { notices: [{ id: 'other-only', value: { secret: 'not for demo-station' } }] }, now: t.clock.now() });
    await t.storage.publish({ scope: DISTRICT_SCOPE, collections: { units: [{ id: 'district-office', value: { id: 'district-office', name: { 'zh-CN': '街道办', en: 'Subdistrict office' } } }] }, now: t.clock.now() });
  });
  afterAll(async () => t?.close());

  it('pages through the whole catalogue in server order, every value valid for its collection', async () => {
    const { changes, pages } = await pullAll('0', 25);
    expect(pages).toBeGreaterThan(4);
    const seqs = changes.map((c) => Number(c.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(changes.filter((c) => c.collection === 'services')).toHaveLength(21);
    for (const change of changes) {
      expect(isCentreCollection(change.collection)).toBe(true);
      if (change.op === 'put' && isCentreCollection(change.collection)) expect(parseCentreValue(change.collection, change.value).success, `${change.collection}/${change.id}`).toBe(true);
    }
  });

  it("sees its own scope and the district's, never another station's", async () => {
    const mine = (await pullAll()).changes.map((c) => c.id);
    expect(mine).toContain('district-office');
    expect(mine).not.toContain('other-only');
    const theirs = (await pullAll('0', 25, otherToken, 'other-station')).changes;
    expect(theirs.map((c) => c.id).sort()).toEqual(['district-office', 'other-only']);
  });

  it('sends a withdrawn entry as a tombstone, and resets a cursor from before the tombstone horizon', async () => {
    const { cursor } = await pullAll();
    const notices = catalogue.notices.slice(1);
    await publishCatalogue(t.storage, { ...catalogue, notices }, 'station', t.clock.now());
    const delta = await pullAll(cursor);
    expect(delta.changes).toEqual([{ seq: expect.any(String), collection: 'notices', op: 'delete', id: catalogue.notices[0]!.id }]);
    // 100 days on, the tombstone is purged: a station still at the old cursor must start over.
    t.clock.days(100);
    await runMaintenance(t.storage, { retentionDays: 180, tombstoneDays: 90, now: t.clock.now() });
    expect(await pull(cursor)).toMatchObject({ changes: [], cursor: '0', hasMore: true, reset: true });
    expect((await pull(delta.cursor)).reset).toBe(false);
    // The full read that follows pages through cursors below the horizon without being reset again.
    const again = await pullAll('0', 10);
    expect(again.reset).toBe(false);
    expect(again.pages).toBeGreaterThan(5);
    expect(again.changes.some((c) => c.id === catalogue.notices[0]!.id)).toBe(false);
    // The same cursors outside a full read are stale.
    expect((await pull(again.changes[9]!.seq, 10)).reset).toBe(true);
  });

  it('resets a cursor this server never gave out, and refuses one that is not a number', async () => {
    expect((await pull('999999999999')).reset).toBe(true);
    for (const cursor of ['-1', '1e3', '', '00', 'abc', '1'.repeat(16)]) {
      const response = await t.call(messages.pull.path, { stationId: S, cursor }, token);
      expect(response.statusCode, cursor).toBe(400);
    }
    const tooMany = await t.call(messages.pull.path, { stationId: S, cursor: '0', limit: 5000 }, token);
    expect(tooMany.statusCode).toBe(400);
  });

  it("carries the centre's request events and the server's status to the station", async () => {
    const { cursor } = await pullAll();
    const request = residentRequest(S);
    const pushed = await t.call(messages.push.path, pushBody(S, newEpoch(), entries([request, requestEvent(S, request.id, 'submit')])), token);
    expect(pushed.statusCode).toBe(200);
    expect(await appendRequestEvent(t.storage, { requestId: request.id, type: 'dispatch', actor: 'centre', note: '已派给物业', now: t.clock.now() })).toMatchObject({ ok: true, status: 'dispatched' });
    expect(await appendRequestEvent(t.storage, { requestId: request.id, type: 'rate', actor: 'centre', now: t.clock.now() })).toEqual({ ok: false, reason: 'not-allowed-for-actor' });
    const { changes } = await pullAll(cursor);
    const byCollection = (name: string) => changes.filter((c) => c.collection === name);
    expect(byCollection('request-events')).toMatchObject([{ op: 'put', value: { type: 'dispatch', actor: 'centre', requestId: request.id, note: '已派给物业' } }]);
    const statuses = byCollection('request-status');
    expect(statuses.at(-1)).toMatchObject({ id: request.id, value: { status: 'dispatched', stationId: S } });
    // The other station sees none of it.
    const theirs = (await pullAll('0', 100, otherToken, 'other-station')).changes;
    expect(theirs.some((c) => c.collection.startsWith('request'))).toBe(false);
  });
});
