import { newId } from '@protocol/ids.ts';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { syncStoreContract } from '../../../sync/client/testing/store-contract.ts';
import { commitRecord } from './commit.ts';
import { schemaV1, type YizhanDb, YizhanDb as Db } from './db.ts';
import { unreflectedIds } from './outbox.ts';
import { DexieSyncStore } from './sync-store.ts';
import { memoryTokenVault } from '../sync/token-vault.ts';
import { submitRequest } from '../screens/requests/submit-request.ts';

const opened: YizhanDb[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
const db = async () => {
  const d = await freshDb();
  opened.push(d);
  return d;
};

syncStoreContract('dexie', async () => {
  const d = await db();
  return {
    store: new DexieSyncStore(d, memoryTokenVault()),
    add: async (_record, at) => void (await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }), at)),
    setRetentionDays: async (days) => void (await d.settings.toCollection().modify({ retentionDays: days })),
  };
});

describe('DexieSyncStore', () => {
  it('keeps the station token in the vault, never in IndexedDB', async () => {
    const d = await db();
    const vault = memoryTokenVault();
    const store = new DexieSyncStore(d, vault);
    expect(await store.credentials()).toBeNull();
    await store.setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
    expect(await d.meta.get('sync.credentials')).toEqual({ key: 'sync.credentials', value: { stationId: 'station-7' } });
    expect(await vault.read()).toBe('token-0123456789abcdef');
    // A new page (a reload) reads it back from the vault.
    expect(await new DexieSyncStore(d, vault).credentials()).toEqual({ stationId: 'station-7', token: 'token-0123456789abcdef' });

    await store.setCredentials(null);
    expect(await d.meta.get('sync.credentials')).toBeUndefined();
    expect(await vault.read()).toBeNull();
    expect(await store.credentials()).toBeNull();
  });

  it('is not enrolled at a centre it did not enrol with, and follows a token the shell dropped', async () => {
    const d = await db();
    const vault = memoryTokenVault();
    await new DexieSyncStore(d, vault, 'https://old.example.cn').setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
    expect(await new DexieSyncStore(d, vault, 'https://new.example.cn').credentials()).toBeNull();
    const store = new DexieSyncStore(d, vault, 'https://old.example.cn');
    expect(await store.credentials()).toEqual({ stationId: 'station-7', token: 'token-0123456789abcdef' });
    await vault.clear();
    expect(await store.credentials()).toBeNull();
    expect(store.token).toBeNull();
  });

  it('moves a token an older kiosk kept in IndexedDB into the vault', async () => {
    const d = await db();
    await d.meta.put({ key: 'sync.credentials', value: { stationId: 'station-7', token: 'legacy-token-0123456789' } });
    const vault = memoryTokenVault();
    expect(await new DexieSyncStore(d, vault).credentials()).toEqual({ stationId: 'station-7', token: 'legacy-token-0123456789' });
    expect(await vault.read()).toBe('legacy-token-0123456789');
    expect((await d.meta.get('sync.credentials'))?.value).toEqual({ stationId: 'station-7' });
  });

  it('claims every record still waiting for the station it enrols as, and never touches an acknowledged one', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    // One record a centre acknowledged; then, served offline, one under the shipped settings' station and a
    // request (two records) under the station the config named.
    const acknowledged = await commitRecord(d, 'feedback', 'xingfuli-01', () => ({ kind: 'feedback', rating: 4 }));
    await store.setPushedSeq(1);
    const shipped = await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }));
    const { request } = await submitRequest(d, 'xingfuli-01', { requestKind: 'wish', category: 'seniors', phrases: ['repair'] });

    await store.setCredentials({ stationId: 'xingfuli-02', token: 'token-0123456789abcdef' });
    const outbox = await d.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.record.stationId)).toEqual(['xingfuli-01', 'xingfuli-02', 'xingfuli-02', 'xingfuli-02']);
    expect((await d.feedback.get(acknowledged.id))?.stationId).toBe('xingfuli-01');
    expect((await d.visits.get(shipped.id))?.stationId).toBe('xingfuli-02');
    expect((await d.requests.get(request.id))?.stationId).toBe('xingfuli-02');
    expect((await d.requestEvents.where('requestId').equals(request.id).first())?.stationId).toBe('xingfuli-02');
    // From now on records are the enrolled station's from the start.
    expect((await commitRecord(d, 'visit', 'xingfuli-01', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }))).stationId).toBe('xingfuli-02');
  });

  it('has no credentials when the vault lost the token (a new keyring): the station enrols again', async () => {
    const d = await db();
    await new DexieSyncStore(d, memoryTokenVault()).setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
    expect(await new DexieSyncStore(d, memoryTokenVault()).credentials()).toBeNull();
  });

  it('applies pulled changes: puts, tombstones, request statuses, and skips values and collections it cannot read', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const notice = (await d.notices.toArray())[0]!;
    const requestId = newId();
    await store.applyPull(
      [
        { seq: '1', collection: 'notices', id: notice.id, op: 'put', value: { ...notice, title: { 'zh-CN': '新标题', en: 'New title' } } },
        { seq: '2', collection: 'amenities', id: 'umbrella', op: 'delete' },
        { seq: '3', collection: 'request-status', id: requestId, op: 'put', value: { requestId, stationId: 'demo-station', status: 'dispatched', event: 'dispatch', at: new Date().toISOString() } },
        { seq: '4', collection: 'services', id: 'broken', op: 'put', value: { id: 'broken' } },
        // A newer centre's collection, and its tombstone: nothing to put them in, and the page still applies.
        { seq: '5', collection: 'parking-spaces', id: 'p1', op: 'put', value: { id: 'p1' } },
        { seq: '6', collection: 'parking-spaces', id: 'p0', op: 'delete' },
      ],
      '6',
      { reset: false, complete: true },
    );
    expect((await d.notices.get(notice.id))?.title['zh-CN']).toBe('新标题');
    expect(await d.amenities.get('umbrella')).toBeUndefined();
    expect((await d.requestStatus.get(requestId))?.status).toBe('dispatched');
    expect(await d.services.get('broken')).toBeUndefined();
    expect(await store.cursor()).toEqual({ cursor: '6', complete: true });
  });

  it('counts this tablet’s request steps as unseen by the centre until a pull finishes after their push', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const requestId = newId();
    const take = await commitRecord(d, 'request-event', 'demo-station', () => ({ kind: 'request-event', requestId, type: 'take', actor: 'member', memberId: 'wang' }));
    await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }));
    expect(await unreflectedIds(d, 'request-event')).toEqual(new Set([take.id]));
    // Pushed and acknowledged, but the status the centre published for it has not been pulled yet.
    await store.setPushedSeq(2);
    expect(await unreflectedIds(d, 'request-event')).toEqual(new Set([take.id]));
    await store.applyPull([], '7', { reset: false, complete: false });
    expect(await unreflectedIds(d, 'request-event')).toEqual(new Set([take.id]));
    await store.applyPull([], '8', { reset: false, complete: true });
    expect(await unreflectedIds(d, 'request-event')).toEqual(new Set());
    // The server asked for the log again (a centre restored from a backup): the take counts as unseen once more.
    await store.setPushedSeq(0);
    expect(await unreflectedIds(d, 'request-event')).toEqual(new Set([take.id]));
  });

  it('drops the centre\'s data on reset and keeps the resident\'s records', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }));
    await store.applyPull([], '0', { reset: true, complete: false });
    expect(await d.services.count()).toBe(0);
    expect(await d.visits.count()).toBe(1);
    expect(await d.outbox.count()).toBe(1);
  });

  it('prunes an entry only once its personal fields are gone, and keeps the record itself for the screens', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const contact = { name: '王阿姨', phone: '13812345678', consentAt: daysAgo(40).toISOString() };
    const named = await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health', contact }), daysAgo(40));
    await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }), daysAgo(35));
    await store.setPushedSeq(2);

    // The personal purge has not walked yet: its names are still in the visits table, so the entry stays.
    expect(await store.pruneOutbox(now)).toBe(0);
    expect(await d.outbox.count()).toBe(2);

    expect(await store.purgePersonal(now)).toBe(1);
    expect(await store.pruneOutbox(now)).toBe(2);
    expect(await d.outbox.count()).toBe(0);
    expect(await d.meta.get('outbox.prunedSeq')).toEqual({ key: 'outbox.prunedSeq', value: 2 });
    expect(await d.visits.get(named.id)).toMatchObject({ id: named.id, purpose: 'health' });
    expect((await d.visits.get(named.id))?.contact).toBeUndefined();

    // A new write takes the next seq, never one a pruned entry had.
    await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health' }), now);
    expect((await d.outbox.toArray()).map((entry) => entry.seq)).toEqual([3]);
    expect(await store.waitingCount()).toBe(1);
  });

  it('prunes a long backlog in many small transactions', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const now = new Date();
    for (let i = 0; i < 500; i += 1) {
      await commitRecord(d, 'feedback', 'demo-station', () => ({ kind: 'feedback', rating: 5 }), new Date(now.getTime() - (60 - i / 100) * 86_400_000));
    }
    await store.setPushedSeq(500);
    await store.purgePersonal(now);
    let transactions = 0;
    const transaction = d.transaction.bind(d) as (...args: unknown[]) => Promise<unknown>;
    (d as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args) => {
      transactions += 1;
      return transaction(...args);
    };
    expect(await store.pruneOutbox(now)).toBe(500);
    expect(transactions).toBeGreaterThanOrEqual(3);
    expect(await d.outbox.count()).toBe(0);
  });

  it('purges names, phones and account numbers only after acknowledgement and retention', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const contact = { name: '王阿姨', phone: '13812345678', consentAt: new Date().toISOString() };
    const old = new Date(Date.now() - 40 * 86_400_000);
    const a = await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health', contact }), old);
    const b = await commitRecord(d, 'referral', 'demo-station', () => ({ kind: 'referral', serviceId: 'bills', queueNo: 'A001', bill: { utility: 'water', account: '12345678' } }), old);
    const c = await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health', contact }), old);
    const young = await commitRecord(d, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'health', contact }));

    await store.setPushedSeq(2);
    expect(await store.purgePersonal(new Date())).toBe(2);
    expect((await d.visits.get(a.id))?.contact).toBeUndefined();
    expect((await d.referrals.get(b.id))?.bill).toEqual({ utility: 'water' });
    expect((await d.outbox.get(1))?.record).not.toHaveProperty('contact');
    expect((await d.visits.get(c.id))?.contact?.phone).toBe('13812345678');

    await store.setPushedSeq(4);
    expect(await store.purgePersonal(new Date())).toBe(1);
    expect((await d.visits.get(c.id))?.contact).toBeUndefined();
    expect((await d.visits.get(young.id))?.contact?.phone).toBe('13812345678');
  });

  it('purges a walk-in volunteer’s name and phone from their shift too', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const old = new Date(Date.now() - 40 * 86_400_000);
    const contact = { name: '林晓芳', phone: '13912345678', consentAt: old.toISOString() };
    const walkIn = await commitRecord(d, 'shift-event', 'demo-station', () => ({ kind: 'shift-event', type: 'sign-in', method: 'walk-in', contact }), old);
    await store.setPushedSeq(1);
    expect(await store.purgePersonal(new Date())).toBe(1);
    expect((await d.shiftEvents.get(walkIn.id))?.contact).toBeUndefined();
    expect((await d.outbox.get(1))?.record).not.toHaveProperty('contact');
  });

  it('purges what residents typed with their names, also from records an older kiosk had already purged', async () => {
    const d = await db();
    const store = new DexieSyncStore(d, memoryTokenVault());
    const old = new Date(Date.now() - 40 * 86_400_000);
    const request = await commitRecord(d, 'request', 'demo-station', () => ({ kind: 'request', requestKind: 'complaint', category: 'repairs', phrases: ['leak'], number: '0302001', text: '3号楼501 李秀英，厨房漏水' }), old);
    const event = await commitRecord(d, 'request-event', 'demo-station', () => ({ kind: 'request-event', requestId: request.id, type: 'cancel', actor: 'resident', note: '李秀英搬走了' }), old);
    const feedback = await commitRecord(d, 'feedback', 'demo-station', () => ({ kind: 'feedback', rating: 2, comment: '王建国 13912345678' }), old);
    const young = await commitRecord(d, 'feedback', 'demo-station', () => ({ kind: 'feedback', rating: 5, comment: '谢谢张阿姨' }));
    // A kiosk of the version before free text counted as personal had already walked past these three.
    await d.meta.put({ key: 'outbox.purgedSeq', value: 3 });
    await store.setPushedSeq(4);

    expect(await store.purgePersonal(new Date())).toBe(3);
    expect(await d.requests.get(request.id)).toMatchObject({ category: 'repairs', number: '0302001' });
    expect(await d.requests.get(request.id)).not.toHaveProperty('text');
    expect(await d.requestEvents.get(event.id)).not.toHaveProperty('note');
    expect(await d.feedback.get(feedback.id)).toMatchObject({ rating: 2 });
    expect(await d.feedback.get(feedback.id)).not.toHaveProperty('comment');
    expect(JSON.stringify((await d.outbox.bulkGet([1, 2, 3])).map((e) => e?.record))).not.toMatch(/李秀英|王建国|13912345678/);
    expect((await d.feedback.get(young.id))?.comment).toBe('谢谢张阿姨');
    expect(await store.purgePersonal(new Date())).toBe(0);
  });
});

describe('schema migrations', () => {
  it('opens a version 1 database with its records and outbox intact, and adds the sync and volunteer tables', async () => {
    const name = `migrate-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    const id = newId();
    const record = { id, kind: 'visit', who: 'resident', purpose: 'health', stationId: 's', at: new Date().toISOString(), v: 1 };
    await v1.table('visits').add({ ...record, day: '2026-11-27' });
    await v1.table('outbox').add({ kind: 'visit', id, record });
    await v1.table('meta').put({ key: 'outbox.pushedSeq', value: 0 });
    v1.close();

    const current = new Db(name);
    opened.push(current);
    await current.open();
    expect(current.verno).toBe(3);
    expect(await current.visits.get(id)).toMatchObject({ who: 'resident' });
    expect(await current.outbox.toArray()).toEqual([{ seq: 1, kind: 'visit', id, record }]);
    expect(await current.requestStatus.count()).toBe(0);
    expect(await current.deadLetters.count()).toBe(0);
    expect(await current.referralEvents.count()).toBe(0);
    expect(await current.memberCredentials.count()).toBe(0);
  });
});
