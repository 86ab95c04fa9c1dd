import { describe, expect, it } from 'vitest';
import { installIdSchema } from '../../protocol/wire.ts';
import type { SyncStore } from '../store.ts';

const DAY_MS = 86_400_000;

export interface ContractSubject {
  store: SyncStore;
  /** Appends a record to the implementation's outbox, made at `at` (now without). */
  add: (record: unknown, at?: Date) => Promise<void>;
  /** Sets the station's retention, as the centre's settings would. */
  setRetentionDays: (days: number) => Promise<void>;
}

/**
 * The behaviour every SyncStore must have, run against each implementation (memory-store.test.ts,
 * renderer/src/store/sync-store.test.ts).
 */
export const syncStoreContract = (name: string, make: () => Promise<ContractSubject>) =>
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

    it('counts the dead letters that wait for a technician (no lost race, none acknowledged), and keeps them after', async () => {
      const { store } = await make();
      expect(await store.openDeadLetters()).toBe(0);
      await store.saveDeadLetters([
        { seq: 3, id: 'a', reason: 'wrong-station', detail: null, lostRace: false },
        { seq: 4, id: 'b', reason: 'invalid-record', detail: 'kind', lostRace: false },
        // A volunteer's step that lost a race: kept, never a technician's matter.
        { seq: 5, id: 'e', reason: 'illegal-transition', detail: 'wrong-state', lostRace: true },
      ]);
      expect(await store.openDeadLetters()).toBe(2);
      await store.acknowledgeDeadLetters(new Date('2026-03-02T08:00:00Z'));
      expect(await store.openDeadLetters()).toBe(0);
      await store.saveDeadLetters([{ seq: 9, id: 'c', reason: 'id-conflict', detail: null, lostRace: false }]);
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
  
    describe('pruning the outbox', () => {
      const now = new Date('2026-06-01T08:00:00Z');
      const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
      /** Runs a round's housekeeping as the engine does: personal fields first, then the prune. */
      const housekeep = async (store: SyncStore) => {
        await store.purgePersonal(now);
        return store.pruneOutbox(now);
      };

      it('deletes acknowledged entries past retention, keeps the younger ones', async () => {
        const { store, add, setRetentionDays } = await make();
        await setRetentionDays(14);
        for (const days of [40, 30, 20, 10, 2]) await add({ kind: 'visit', days }, daysAgo(days));
        await store.setPushedSeq(5);
        expect(await housekeep(store)).toBe(3);
        expect((await store.readOutbox(0, 10)).map((item) => item.seq)).toEqual([4, 5]);
        expect(await store.pushedSeq()).toBe(5);
        expect(await store.waitingCount()).toBe(0);
        expect(await housekeep(store)).toBe(0);
      });

      it('never deletes an entry the server has not acknowledged, however old', async () => {
        const { store, add, setRetentionDays } = await make();
        await setRetentionDays(14);
        for (const days of [90, 80, 70, 60]) await add({ kind: 'visit', days }, daysAgo(days));
        expect(await housekeep(store)).toBe(0);
        await store.setPushedSeq(2);
        expect(await housekeep(store)).toBe(2);
        expect((await store.readOutbox(0, 10)).map((item) => item.seq)).toEqual([3, 4]);
        expect(await store.waitingCount()).toBe(2);
      });

      it('prunes past an entry stamped in the future by a clock that ran ahead', async () => {
        const { store, add, setRetentionDays } = await make();
        await setRetentionDays(14);
        await add({ kind: 'visit' }, daysAgo(40));
        await add({ kind: 'visit' }, new Date(now.getTime() + 3 * 365 * DAY_MS));
        await add({ kind: 'visit' }, daysAgo(30));
        await add({ kind: 'visit' }, daysAgo(1));
        await store.setPushedSeq(4);
        expect(await housekeep(store)).toBe(3);
        expect((await store.readOutbox(0, 10)).map((item) => item.seq)).toEqual([4]);
      });

      it('goes through a long acknowledged backlog however it is batched', async () => {
        const { store, add, setRetentionDays } = await make();
        await setRetentionDays(14);
        for (let i = 0; i < 450; i += 1) await add({ kind: 'visit', i }, daysAgo(60 - i / 10));
        await add({ kind: 'visit' }, daysAgo(1));
        await store.setPushedSeq(451);
        expect(await housekeep(store)).toBe(450);
        expect((await store.readOutbox(0, 1000)).map((item) => item.seq)).toEqual([451]);
      });

      it('keeps new writes after the pruned ones, and a new epoch counts from 1 over what is left', async () => {
        const { store, add, setRetentionDays } = await make();
        await setRetentionDays(14);
        for (const days of [30, 20, 3]) await add({ kind: 'visit' }, daysAgo(days));
        await store.setPushedSeq(3);
        expect(await housekeep(store)).toBe(2);
        await add({ kind: 'visit' }, daysAgo(0));
        expect((await store.readOutbox(0, 10)).map((item) => item.seq)).toEqual([3, 4]);
        expect(await store.waitingCount()).toBe(1);

        // The server says our history diverged: everything still held is sent again, contiguous from seq 1.
        await store.renewEpoch();
        expect(await store.pushedSeq()).toBe(0);
        expect(await store.waitingCount()).toBe(2);
        expect((await store.readOutbox(0, 10)).map((item) => item.seq)).toEqual([1, 2]);
        expect((await store.readOutbox(1, 10)).map((item) => item.seq)).toEqual([2]);
        await store.setPushedSeq(1);
        expect(await store.pushedSeq()).toBe(1);
        expect(await store.waitingCount()).toBe(1);
        await add({ kind: 'visit' }, daysAgo(0));
        expect((await store.readOutbox(1, 10)).map((item) => item.seq)).toEqual([2, 3]);
      });
    });
  });
