import { describe, expect, it } from 'vitest';
import { installIdSchema } from '../../protocol/wire.ts';
import type { SyncStore } from '../store.ts';

/**
 * The behaviour every SyncStore must have, run against each implementation (memory-store.test.ts,
 * renderer/src/store/sync-store.test.ts). `add` appends a record to the implementation's outbox.
 */
export const syncStoreContract = (name: string, make: () => Promise<{ store: SyncStore; add: (record: unknown) => Promise<void> }>) =>
  describe(`SyncStore contract: ${name}`, () => {
    it('keeps the credentials enrolment returned, and forgets them', async () => {
      const { store } = await make();
      await store.setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
      expect(await store.credentials()).toEqual({ stationId: 'station-7', token: 'token-0123456789abcdef' });
      await store.setCredentials(null);
      expect(await store.credentials()).toBeNull();
    });

    it('claims the records still waiting for the station it enrols as, never an acknowledged one', async () => {
      const { store, add } = await make();
      for (let i = 0; i < 3; i += 1) await add({ kind: 'visit', stationId: 'demo-station', i });
      await store.setPushedSeq(1);
      await store.setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
      const stations = (await store.readOutbox(0, 10)).map((item) => (item.record as { stationId: string }).stationId);
      expect(stations).toEqual(['demo-station', 'station-7', 'station-7']);
    });

    it('keeps one install id for good, through a re-enrolment', async () => {
      const { store } = await make();
      const id = await store.installId();
      expect(installIdSchema.safeParse(id).success).toBe(true);
      await store.setCredentials({ stationId: 'station-7', token: 'token-0123456789abcdef' });
      await store.setCredentials(null);
      await store.renewEpoch();
      expect(await store.installId()).toBe(id);
      expect(await (await make()).store.installId()).not.toBe(id);
    });

    it('reads the outbox above a mark, in order, bounded', async () => {
      const { store, add } = await make();
      for (let i = 0; i < 5; i += 1) await add({ i });
      expect((await store.readOutbox(0, 3)).map((x) => x.seq)).toEqual([1, 2, 3]);
      expect((await store.readOutbox(3, 10)).map((x) => x.seq)).toEqual([4, 5]);
      expect(await store.waitingCount()).toBe(5);
      await store.setPushedSeq(4);
      expect(await store.pushedSeq()).toBe(4);
      expect(await store.waitingCount()).toBe(1);
    });

    it('keeps its epoch until renewed, and renewing restarts the mark', async () => {
      const { store, add } = await make();
      await add({ i: 1 });
      const first = await store.epoch();
      expect(await store.epoch()).toBe(first);
      await store.setPushedSeq(1);
      await store.renewEpoch();
      expect(await store.epoch()).not.toBe(first);
      expect(await store.pushedSeq()).toBe(0);
      expect(await store.waitingCount()).toBe(1);
    });

    it('counts the dead letters no technician has acknowledged, and keeps them after', async () => {
      const { store } = await make();
      expect(await store.openDeadLetters()).toBe(0);
      await store.saveDeadLetters([
        { seq: 3, id: 'a', reason: 'wrong-station', detail: null },
        { seq: 4, id: 'b', reason: 'invalid-record', detail: 'kind' },
      ]);
      expect(await store.openDeadLetters()).toBe(2);
      await store.acknowledgeDeadLetters(new Date('2026-03-02T08:00:00Z'));
      expect(await store.openDeadLetters()).toBe(0);
      await store.saveDeadLetters([{ seq: 9, id: 'c', reason: 'id-conflict', detail: null }]);
      expect(await store.openDeadLetters()).toBe(1);
    });

    it('starts at cursor "0", incomplete, and moves the cursor with each pull', async () => {
      const { store } = await make();
      expect(await store.cursor()).toEqual({ cursor: '0', complete: false });
      await store.applyPull([], '5', { reset: false, complete: false });
      expect(await store.cursor()).toEqual({ cursor: '5', complete: false });
      await store.applyPull([], '9', { reset: false, complete: true });
      expect(await store.cursor()).toEqual({ cursor: '9', complete: true });
      await store.applyPull([], '12', { reset: false, complete: false });
      expect(await store.cursor()).toEqual({ cursor: '12', complete: true });
      await store.applyPull([], '0', { reset: true, complete: false });
      expect(await store.cursor()).toEqual({ cursor: '0', complete: false });
    });
  });
