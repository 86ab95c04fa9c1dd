import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../../../assets/demo/catalogue.json';
import { catalogueSchema } from '../../protocol/catalogue.ts';
import { catalogueEntries, DISTRICT_SCOPE } from '../../protocol/centre.ts';
import { newId } from '../../protocol/ids.ts';
import { purgeDefinition } from '../purge-definition.ts';
import { applyRequestEvent } from '../../protocol/request-state.ts';
import { entries, newEpoch, pushToStorage, referralWithContact, requestEvent, residentRequest, type TestStorage, visit } from './fixtures.ts';
import { enrolmentCodeHash, newEnrolmentCode, newStationToken, tokenHash } from '../tokens.ts';
import { loadMigrations } from '../storage/migrations.ts';
import { DatabaseTooNewError, type Storage, StorageConflictError } from '../storage/types.ts';

/**
 * The storage contract, run against every engine (sqlite.test.ts, postgres.test.ts): the same behaviour from both.
 */
export const storageSuite = (engine: string, open: () => Promise<TestStorage>) => {
  describe(`storage on ${engine}`, () => {
    let db: TestStorage;
    let storage: Storage;
    const t0 = new Date('2026-03-02T08:00:00.000Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);
    let n = 0;
    /** A fresh station per test, so tests do not depend on each other. */
    const station = async (prefix = 's') => {
      n += 1;
      const id = `${prefix}-${n}`;
      await storage.createStation({ id, name: `Station ${id}`, now: t0 });
      return id;
    };
    const enrolled = async () => {
      const id = await station();
      const code = newEnrolmentCode();
      await storage.createEnrolmentCode({ stationId: id, codeHash: enrolmentCodeHash(code), expiresAt: later(3_600_000), now: t0 });
      const token = newStationToken();
      await storage.redeemEnrolmentCode({ codeHash: enrolmentCodeHash(code), tokenHash: tokenHash(token), now: t0 });
      return { id, token };
    };
    const pullAll = async (stationId: string, cursor = 0, limit = 1000) => {
      const changes = [];
      const fullRead = cursor === 0;
      let page;
      do {
        page = await storage.pull({ stationId, cursor, limit, fullRead });
        if (page.reset) return { changes, cursor, reset: true };
        changes.push(...page.changes);
        cursor = page.cursor;
      } while (page.hasMore);
      return { changes, cursor, reset: false };
    };

    beforeAll(async () => {
      db = await open();
      storage = db.storage;
    });
    afterAll(async () => db?.close());

    it('migrates once: a second run applies nothing', async () => {
      expect(await storage.migrate()).toEqual([]);
      await storage.ping();
    });

    it('refuses a database migrated by a newer server (a rolled-back deploy), naming both versions', async () => {
      const newer = await open();
      try {
        const known = (await loadMigrations(newer.storage.engine)).length;
        await newer.sql(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${known + 1}, 'from_a_newer_server', '2026-03-02T08:00:00Z')`);
        const refusal = newer.storage.migrate();
        await expect(refusal).rejects.toBeInstanceOf(DatabaseTooNewError);
        await expect(refusal).rejects.toThrow(`database schema version ${known + 1} is newer than this server's ${known}`);
      } finally {
        await newer.close();
      }
    });

    describe('stations and credentials', () => {
      it('creates stations once', async () => {
        const id = await station();
        expect(await storage.getStation(id)).toMatchObject({ id, revokedAt: null, enrolled: false });
        await expect(storage.createStation({ id, name: 'again', now: t0 })).rejects.toBeInstanceOf(StorageConflictError);
        expect((await storage.listStations()).map((s) => s.id)).toContain(id);
        expect(await storage.getStation('nope')).toBeNull();
      });

      it('redeems an enrolment code once, and not after it expires', async () => {
        const id = await station();
        const once = enrolmentCodeHash(newEnrolmentCode());
        const expiring = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: id, codeHash: once, expiresAt: later(60_000), now: t0 });
        await storage.createEnrolmentCode({ stationId: id, codeHash: expiring, expiresAt: later(60_000), now: t0 });
        const first = tokenHash(newStationToken());
        await expect(storage.createEnrolmentCode({ stationId: id, codeHash: once, expiresAt: later(60_000), now: t0 })).rejects.toBeInstanceOf(StorageConflictError);
        expect(await storage.redeemEnrolmentCode({ codeHash: once, tokenHash: first, now: later(1000) })).toMatchObject({ id, enrolled: true });
        expect(await storage.redeemEnrolmentCode({ codeHash: once, tokenHash: tokenHash(newStationToken()), now: later(2000) })).toBeNull();
        expect(await storage.redeemEnrolmentCode({ codeHash: expiring, tokenHash: tokenHash(newStationToken()), now: later(60_000) })).toBeNull();
        expect((await storage.authenticate(first))?.id).toBe(id);
        expect(await storage.authenticate(tokenHash(newStationToken()))).toBeNull();
      });

      it('hands the same install its sealed token again until that token is first used, and no one else', async () => {
        const id = await station();
        const code = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: id, codeHash: code, expiresAt: later(60_000), now: t0 });
        const issued = tokenHash(newStationToken());
        const install = { installHash: 'install-a', sealedToken: 'sealed-a' };
        expect(await storage.redeemEnrolmentCode({ codeHash: code, tokenHash: issued, now: later(1000), install })).toMatchObject({ id, enrolled: true, enrolmentPending: true });
        // The answer was lost: the same install asks again, even after the code's expiry.
        expect(await storage.redeemEnrolmentCode({ codeHash: code, tokenHash: tokenHash(newStationToken()), now: later(120_000), install })).toBeNull();
        expect(await storage.reclaimEnrolment({ codeHash: code, installHash: 'install-a' })).toMatchObject({ station: { id, enrolmentPending: true }, sealedToken: 'sealed-a' });
        expect(await storage.reclaimEnrolment({ codeHash: code, installHash: 'install-b' })).toBeNull();
        expect(await storage.reclaimEnrolment({ codeHash: enrolmentCodeHash(newEnrolmentCode()), installHash: 'install-a' })).toBeNull();
        // The tablet uses its token: the enrolment is done, and nothing can reclaim it any more.
        expect(await storage.authenticate(issued)).toMatchObject({ id, enrolmentPending: false });
        expect(await storage.getStation(id)).toMatchObject({ enrolmentPending: false });
        expect(await storage.reclaimEnrolment({ codeHash: code, installHash: 'install-a' })).toBeNull();
      });

      it('reclaims nothing once the station holds another token, or is revoked', async () => {
        const install = { installHash: 'install-c', sealedToken: 'sealed-c' };
        const id = await station();
        const first = enrolmentCodeHash(newEnrolmentCode());
        const second = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: id, codeHash: first, expiresAt: later(60_000), now: t0 });
        await storage.createEnrolmentCode({ stationId: id, codeHash: second, expiresAt: later(60_000), now: t0 });
        await storage.redeemEnrolmentCode({ codeHash: first, tokenHash: tokenHash(newStationToken()), now: later(1000), install });
        await storage.redeemEnrolmentCode({ codeHash: second, tokenHash: tokenHash(newStationToken()), now: later(2000), install: { installHash: 'install-d', sealedToken: 'sealed-d' } });
        expect(await storage.reclaimEnrolment({ codeHash: first, installHash: 'install-c' })).toBeNull();
        expect(await storage.reclaimEnrolment({ codeHash: second, installHash: 'install-d' })).toMatchObject({ sealedToken: 'sealed-d' });
        await storage.revokeStation({ stationId: id, now: later(3000) });
        expect(await storage.reclaimEnrolment({ codeHash: second, installHash: 'install-d' })).toBeNull();
        // A code redeemed without an install is one-time, as it always was.
        const plain = await station();
        const code = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: plain, codeHash: code, expiresAt: later(60_000), now: t0 });
        await storage.redeemEnrolmentCode({ codeHash: code, tokenHash: tokenHash(newStationToken()), now: later(1000) });
        expect(await storage.reclaimEnrolment({ codeHash: code, installHash: 'install-c' })).toBeNull();
      });

      it('keeps the old token through a rotation until the new one is used', async () => {
        const { id, token } = await enrolled();
        const old = tokenHash(token);
        const next = tokenHash(newStationToken());
        expect(await storage.setToken({ stationId: id, tokenHash: next, previousHash: old, now: t0 })).toBe(true);
        expect((await storage.authenticate(old))?.id).toBe(id);
        expect((await storage.authenticate(next))?.id).toBe(id);
        expect(await storage.authenticate(old)).toBeNull();
        const forced = tokenHash(newStationToken());
        await storage.setToken({ stationId: id, tokenHash: forced, previousHash: null, now: t0 });
        expect(await storage.authenticate(next)).toBeNull();
        expect((await storage.authenticate(forced))?.id).toBe(id);
      });

      it('revokes every token and every unused code; a new code re-enrols', async () => {
        const { id, token } = await enrolled();
        const pending = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: id, codeHash: pending, expiresAt: later(3_600_000), now: t0 });
        expect(await storage.revokeStation({ stationId: id, now: later(1000) })).toBe(true);
        expect(await storage.authenticate(tokenHash(token))).toBeNull();
        expect((await storage.getStation(id))?.revokedAt).toEqual(later(1000));
        expect(await storage.redeemEnrolmentCode({ codeHash: pending, tokenHash: tokenHash(newStationToken()), now: later(2000) })).toBeNull();
        expect(await storage.setToken({ stationId: id, tokenHash: tokenHash(newStationToken()), previousHash: null, now: t0 })).toBe(false);
        const fresh = enrolmentCodeHash(newEnrolmentCode());
        await storage.createEnrolmentCode({ stationId: id, codeHash: fresh, expiresAt: later(3_600_000), now: later(3000) });
        const again = tokenHash(newStationToken());
        expect(await storage.redeemEnrolmentCode({ codeHash: fresh, tokenHash: again, now: later(4000) })).toMatchObject({ id, revokedAt: null });
        expect((await storage.authenticate(again))?.id).toBe(id);
        expect(await storage.revokeStation({ stationId: 'nope', now: t0 })).toBe(false);
      });
    });

    describe('rate limits', () => {
      it('counts hits in a window, starts a new one when it has ended, keeps keys apart, and purges ended ones', async () => {
        const key = `limit-${newId()}`;
        const other = `limit-${newId()}`;
        const hit = (k: string, ms: number) => storage.hitRateLimit({ key: k, windowMs: 60_000, now: later(ms) });
        expect(await hit(key, 0)).toEqual({ hits: 1, resetsAt: later(60_000) });
        expect(await hit(key, 1_000)).toEqual({ hits: 2, resetsAt: later(60_000) });
        expect(await hit(other, 2_000)).toEqual({ hits: 1, resetsAt: later(62_000) });
        expect(await hit(key, 59_999)).toEqual({ hits: 3, resetsAt: later(60_000) });
        expect(await hit(key, 60_000)).toEqual({ hits: 1, resetsAt: later(120_000) });
        expect(await storage.purgeRateLimits({ before: later(100_000) })).toBeGreaterThanOrEqual(1);
        expect(await hit(other, 100_000)).toEqual({ hits: 1, resetsAt: later(160_000) });
        expect(await hit(key, 100_000)).toEqual({ hits: 2, resetsAt: later(120_000) });
      });

      it('counts every one of many hits at once', async () => {
        const key = `limit-${newId()}`;
        const windows = await Promise.all(Array.from({ length: 40 }, () => storage.hitRateLimit({ key, windowMs: 60_000, now: t0 })));
        expect(windows.map((w) => w.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      });
    });

    describe('push', () => {
      it('stores a batch and acknowledges it; the same batch again changes nothing and gets the same answer', async () => {
        const id = await station();
        const epoch = newEpoch();
        const batch = entries([visit(id), visit(id), { nonsense: true }, visit(id)]);
        const first = await pushToStorage(storage, id, epoch, batch);
        expect(first).toMatchObject({ kind: 'applied', appliedSeq: 4, stored: 3 });
        const second = await pushToStorage(storage, id, epoch, batch);
        expect(second).toMatchObject({ kind: 'applied', appliedSeq: 4, stored: 0 });
        if (first.kind === 'applied' && second.kind === 'applied') expect(second.deadLetters).toEqual(first.deadLetters);
        expect(await storage.listRecords(id)).toHaveLength(3);
        expect(await storage.listDeadLetters(id)).toMatchObject([{ seq: 3, reason: 'invalid-record', payload: { nonsense: true } }]);
      });

      it('stops at a gap and applies nothing past it', async () => {
        const id = await station();
        const epoch = newEpoch();
        const records = [visit(id), visit(id), visit(id), visit(id), visit(id)];
        expect(await pushToStorage(storage, id, epoch, entries(records.slice(0, 2)))).toMatchObject({ appliedSeq: 2 });
        // seq 3 is lost on the way: 4 and 5 arrive first.
        expect(await pushToStorage(storage, id, epoch, entries(records.slice(3), 4))).toMatchObject({ appliedSeq: 2, stored: 0 });
        expect(await pushToStorage(storage, id, epoch, entries(records.slice(2), 3))).toMatchObject({ appliedSeq: 5, stored: 3 });
        expect((await storage.listRecords(id)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      });

      it('counts seqs per epoch: a wiped tablet starting again at 1 is not a replay', async () => {
        const id = await station();
        const before = entries([visit(id), visit(id)]);
        await pushToStorage(storage, id, newEpoch(), before);
        const after = entries([visit(id), visit(id), visit(id)]);
        expect(await pushToStorage(storage, id, newEpoch(), after)).toMatchObject({ appliedSeq: 3, stored: 3 });
        expect(await storage.listRecords(id)).toHaveLength(5);
      });

      it('is idempotent by id across epochs, and refuses a log that is not the one it applied', async () => {
        const id = await station();
        const records = [visit(id), visit(id)];
        const epoch = newEpoch();
        await pushToStorage(storage, id, epoch, entries(records));
        // The same records renumbered under a new epoch (a client that starts a new epoch for its backlog).
        expect(await pushToStorage(storage, id, newEpoch(), entries(records, 1))).toMatchObject({ appliedSeq: 2, stored: 0 });
        // Seqs the server applied under this epoch, but with other records: skipping them would lose data.
        const diverged = await pushToStorage(storage, id, epoch, entries([visit(id), visit(id), visit(id)]));
        expect(diverged).toEqual({ kind: 'diverged', seqs: [1, 2] });
        expect(await storage.listRecords(id)).toHaveLength(2);
      });

      it('dead-letters records of another station and ids that belong to another station', async () => {
        const a = await station();
        const b = await station();
        const theirs = visit(b);
        await pushToStorage(storage, b, newEpoch(), entries([theirs]));
        const result = await pushToStorage(storage, a, newEpoch(), entries([visit(b), { ...theirs, stationId: a }, visit(a)]));
        expect(result).toMatchObject({
          appliedSeq: 3,
          stored: 1,
          deadLetters: [
            { seq: 1, reason: 'wrong-station' },
            { seq: 2, reason: 'id-conflict', id: theirs.id },
          ],
        });
        expect((await storage.getRecord(theirs.id))?.stationId).toBe(b);
      });

      it('runs request events through the state machine, in order, with the reason for a refusal', async () => {
        const id = await station();
        const request = residentRequest(id);
        const result = await pushToStorage(storage, id, newEpoch(), entries([
          request,
          requestEvent(id, request.id, 'submit'),
          requestEvent(id, request.id, 'complete', 'member'),
          requestEvent(id, request.id, 'dispatch', 'centre'),
          requestEvent(id, newId(), 'submit'),
          requestEvent(id, request.id, 'cancel'),
        ]));
        expect(result).toMatchObject({
          appliedSeq: 6,
          deadLetters: [
            { seq: 3, reason: 'illegal-transition', detail: 'wrong-state' },
            { seq: 4, reason: 'illegal-transition', detail: 'not-allowed-for-actor' },
            { seq: 5, reason: 'unknown-request' },
          ],
        });
        expect(await storage.getRequestStatus(request.id)).toEqual({ stationId: id, status: 'cancelled' });
        const { changes } = await pullAll(id);
        expect(changes.filter((c) => c.collection === 'request-status')).toMatchObject([{ op: 'put', id: request.id, value: { status: 'cancelled', event: 'cancel' } }]);
      });

      it('publishes who has a request: the first take wins a race, and the loser’s take is refused, not lost', async () => {
        const id = await station();
        const request = residentRequest(id);
        await pushToStorage(storage, id, newEpoch(), entries([request, requestEvent(id, request.id, 'submit')]));
        // The centre sends it to a unit; a member of the kiosk takes it; a second take, pushed later, loses.
        await storage.appendCentreRequestEvent({
          event: { id: newId(), requestId: request.id, type: 'dispatch', actor: 'centre', target: { type: 'unit', unitId: 'hospital' } },
          now: later(1000),
          validate: (status) => applyRequestEvent(status, { type: 'dispatch', actor: 'centre' }) as never,
        });
        const first = { ...requestEvent(id, request.id, 'take', 'member'), memberId: 'wang' };
        const second = { ...requestEvent(id, request.id, 'take', 'member'), memberId: 'zhao' };
        expect(await pushToStorage(storage, id, newEpoch(), entries([first]))).toMatchObject({ deadLetters: [] });
        expect(await pushToStorage(storage, id, newEpoch(), entries([second]))).toMatchObject({ deadLetters: [{ seq: 1, id: second.id, reason: 'illegal-transition', detail: 'wrong-state' }] });
        const status = (await pullAll(id)).changes.filter((c) => c.collection === 'request-status');
        expect(status).toMatchObject([
          { id: request.id, value: { status: 'taken', event: 'take', dispatchedTo: { type: 'unit', unitId: 'hospital' }, takenBy: { type: 'member', memberId: 'wang' } } },
        ]);
        // A handover frees it for the next shift but keeps the centre's dispatch; the centre taking it for a member
        // names that member.
        await pushToStorage(storage, id, newEpoch(), entries([{ ...requestEvent(id, request.id, 'handover', 'member'), memberId: 'wang', note: '明天再去' }]));
        expect((await pullAll(id)).changes.find((c) => c.collection === 'request-status')).toMatchObject({ value: { status: 'dispatched', dispatchedTo: { type: 'unit', unitId: 'hospital' }, takenBy: null } });
        await storage.appendCentreRequestEvent({
          event: { id: newId(), requestId: request.id, type: 'take', actor: 'centre', memberId: 'li' },
          now: later(2000),
          validate: (s) => applyRequestEvent(s, { type: 'take', actor: 'centre' }) as never,
        });
        expect((await pullAll(id)).changes.filter((c) => c.collection === 'request-status' || c.collection === 'request-events').at(-1)).toMatchObject({
          value: { status: 'taken', takenBy: { type: 'member', memberId: 'li' } },
        });
      });

      it('lets only the member who took a request finish or hand it over: another member’s step is refused, not applied', async () => {
        const id = await station();
        const request = residentRequest(id);
        const take = { ...requestEvent(id, request.id, 'take', 'member'), memberId: 'wang' };
        await pushToStorage(storage, id, newEpoch(), entries([request, requestEvent(id, request.id, 'submit'), take]));
        const notHers = { ...requestEvent(id, request.id, 'complete', 'member'), memberId: 'zhao' };
        const handover = { ...requestEvent(id, request.id, 'handover', 'member'), memberId: 'zhao' };
        const anonymous = requestEvent(id, request.id, 'complete', 'member');
        expect(await pushToStorage(storage, id, newEpoch(), entries([notHers, handover, anonymous]))).toMatchObject({
          deadLetters: [
            { seq: 1, id: notHers.id, reason: 'illegal-transition', detail: 'not-yours' },
            { seq: 2, id: handover.id, reason: 'illegal-transition', detail: 'not-yours' },
            { seq: 3, id: anonymous.id, reason: 'illegal-transition', detail: 'not-yours' },
          ],
        });
        expect((await storage.getRequestStatus(request.id))?.status).toBe('taken');
        expect((await pullAll(id)).changes.find((c) => c.collection === 'request-status')).toMatchObject({ value: { status: 'taken', takenBy: { type: 'member', memberId: 'wang' } } });
        expect(await pushToStorage(storage, id, newEpoch(), entries([{ ...requestEvent(id, request.id, 'complete', 'member'), memberId: 'wang' }]))).toMatchObject({ deadLetters: [] });
        expect((await storage.getRequestStatus(request.id))?.status).toBe('done');
      });

      it('keeps a request of one station out of reach of another', async () => {
        const a = await station();
        const b = await station();
        const request = residentRequest(a);
        await pushToStorage(storage, a, newEpoch(), entries([request, requestEvent(a, request.id, 'submit')]));
        const result = await pushToStorage(storage, b, newEpoch(), entries([requestEvent(b, request.id, 'cancel')]));
        expect(result).toMatchObject({ deadLetters: [{ seq: 1, reason: 'unknown-request' }] });
        expect((await storage.getRequestStatus(request.id))?.status).toBe('submitted');
      });

      it('dead-letters a record whose id is stored with other content, keeping both versions; the same content is a duplicate', async () => {
        const id = await station();
        const original = visit(id);
        const altered = { ...original, purpose: 'legal' };
        const twin = visit(id);
        const twinAltered = { ...twin, who: 'visitor' };
        await pushToStorage(storage, id, newEpoch(), entries([original]));
        // Another epoch sends the original again (a duplicate), a changed copy of it, and a new record twice with
        // different content in one batch.
        const result = await pushToStorage(storage, id, newEpoch(), entries([{ ...original }, altered, twin, twinAltered]));
        expect(result).toMatchObject({
          kind: 'applied',
          appliedSeq: 4,
          stored: 1,
          deadLetters: [
            { seq: 2, id: original.id, reason: 'content-conflict' },
            { seq: 4, id: twin.id, reason: 'content-conflict' },
          ],
        });
        expect((await storage.getRecord(original.id))?.payload).toEqual(original);
        expect((await storage.getRecord(twin.id))?.payload).toEqual(twin);
        const dead = await storage.listDeadLetters(id);
        expect(dead.map((d) => [d.id, d.reason, d.payload])).toEqual([
          [original.id, 'content-conflict', altered],
          [twin.id, 'content-conflict', twinAltered],
        ]);
      });

      it('still knows a record as a duplicate after its personal fields were purged', async () => {
        const id = await station('dup');
        const referral = referralWithContact(id);
        await pushToStorage(storage, id, newEpoch(), entries([referral]), t0);
        await storage.purgePersonal({ before: later(86_400_000), now: later(86_400_000), definition: purgeDefinition });
        expect((await storage.getRecord(referral.id))?.personalPurgedAt).not.toBeNull();
        const replay = await pushToStorage(storage, id, newEpoch(), entries([referral]), later(2 * 86_400_000));
        expect(replay).toMatchObject({ kind: 'applied', appliedSeq: 1, stored: 0, deadLetters: [] });
      });

      it('two epochs pushing the same request event at once: stored once, never also dead-lettered', async () => {
        // The race needs both transactions in flight together; 40 trials caught it 36 times on PostgreSQL.
        const failures: string[] = [];
        for (let trial = 0; trial < 40; trial += 1) {
          const id = await station('race');
          const request = residentRequest(id);
          await pushToStorage(storage, id, newEpoch(), entries([request, requestEvent(id, request.id, 'submit')]));
          const cancel = requestEvent(id, request.id, 'cancel');
          const answers = await Promise.all([pushToStorage(storage, id, newEpoch(), entries([cancel])), pushToStorage(storage, id, newEpoch(), entries([cancel]))]);
          const dead = answers.flatMap((a) => (a.kind === 'applied' ? a.deadLetters : []));
          const stored = (await storage.listRecords(id)).filter((r) => r.id === cancel.id);
          if (dead.length > 0 || stored.length !== 1) failures.push(`trial ${trial}: stored ${stored.length}, dead-lettered ${JSON.stringify(dead)}`);
          expect((await storage.getRequestStatus(request.id))?.status).toBe('cancelled');
        }
        expect(failures).toEqual([]);
      });

      it('two epochs pushing one id at once: stored once; with other content, the second is a conflict', async () => {
        const failures: string[] = [];
        for (let trial = 0; trial < 20; trial += 1) {
          const id = await station('race-id');
          const same = visit(id);
          const original = visit(id);
          const altered = { ...original, purpose: 'legal' };
          const answers = await Promise.all([
            pushToStorage(storage, id, newEpoch(), entries([same, original])),
            pushToStorage(storage, id, newEpoch(), entries([same, altered])),
          ]);
          const stored = answers.reduce((sum, a) => sum + (a.kind === 'applied' ? a.stored : 0), 0);
          const dead = answers.flatMap((a) => (a.kind === 'applied' ? a.deadLetters : []));
          const kept = await storage.getRecord(original.id);
          const other = kept?.payload && (kept.payload as { purpose: string }).purpose === 'legal' ? original : altered;
          const conflict = dead.length === 1 && dead[0]!.reason === 'content-conflict' && dead[0]!.id === original.id;
          const aside = (await storage.listDeadLetters(id)).map((d) => d.payload);
          if (stored !== 2 || !conflict || JSON.stringify(aside) !== JSON.stringify([other])) {
            failures.push(`trial ${trial}: stored ${stored}, dead-lettered ${JSON.stringify(dead)}`);
          }
        }
        expect(failures).toEqual([]);
      });

      it('finds a request by id, or by the number its resident holds within its station', async () => {
        const a = await station('num');
        const b = await station('num');
        const mine = residentRequest(a, { number: '2086401' });
        const theirs = residentRequest(b, { number: '2086401' });
        const other = residentRequest(a, { number: '2086402', requestKind: 'complaint', category: 'home-repair' });
        await pushToStorage(storage, a, newEpoch(), entries([mine, requestEvent(a, mine.id, 'submit'), other]));
        await pushToStorage(storage, b, newEpoch(), entries([theirs]));
        expect(await storage.findRequests({ number: '2086401', stationId: a })).toEqual([
          { id: mine.id, stationId: a, number: '2086401', status: 'submitted', at: mine.at, requestKind: 'wish', category: 'seniors' },
        ]);
        // A number is unique within its station only: without the station, every station's request with it.
        expect((await storage.findRequests({ number: '2086401' })).map((r) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
        expect(await storage.findRequests({ id: other.id })).toEqual([
          { id: other.id, stationId: a, number: '2086402', status: null, at: other.at, requestKind: 'complaint', category: 'home-repair' },
        ]);
        expect(await storage.findRequests({ number: '2086499' })).toEqual([]);
        expect(await storage.findRequests({ id: newId() })).toEqual([]);
      });

      it('applies concurrent copies of one batch exactly once', async () => {
        const id = await station();
        const epoch = newEpoch();
        const batch = entries(Array.from({ length: 50 }, () => visit(id)));
        const results = await Promise.all(Array.from({ length: 6 }, () => pushToStorage(storage, id, epoch, batch)));
        expect(results.every((r) => r.kind === 'applied' && r.appliedSeq === 50)).toBe(true);
        expect(results.reduce((sum, r) => sum + (r.kind === 'applied' ? r.stored : 0), 0)).toBe(50);
        expect(await storage.listRecords(id)).toHaveLength(50);
      });
    });

    describe('centre data and pull', () => {
      const catalogue = catalogueEntries(catalogueSchema.parse(demo));

      it('publishes a catalogue; a republish changes only what changed and leaves tombstones', async () => {
        const id = await station('pub');
        const first = await storage.publish({ scope: id, collections: catalogue, now: t0 });
        const total = Object.values(catalogue).reduce((sum, items) => sum + items.length, 0);
        expect(first).toEqual({ put: total, deleted: 0, unchanged: 0 });
        const { changes, cursor } = await pullAll(id, 0, 37);
        expect(changes).toHaveLength(total);
        expect(new Set(changes.map((c) => c.seq)).size).toBe(total);
        expect(changes.map((c) => Number(c.seq))).toEqual([...changes.map((c) => Number(c.seq))].sort((a, b) => a - b));

        const services = catalogue.services.slice(1).map((s, i) => (i === 0 ? { ...s, value: { ...(s.value as object), order: 999 } } : s));
        const second = await storage.publish({ scope: id, collections: { services }, now: later(1000) });
        expect(second).toEqual({ put: 1, deleted: 1, unchanged: services.length - 1 });
        const delta = await pullAll(id, cursor);
        expect(delta.changes.map((c) => [c.op, c.id]).sort()).toEqual([['delete', catalogue.services[0]!.id], ['put', services[0]!.id]].sort());
        expect((await pullAll(id, delta.cursor)).changes).toEqual([]);
      });

      it('scopes pulls to the station and the district, and keeps ids unique per station', async () => {
        const a = await station('scope');
        const b = await station('scope');
        await storage.publish({ scope: a, collections: { notices: [{ id: 'only-a', value: { x: 1 } }] }, now: t0 });
        await storage.publish({ scope: b, collections: { notices: [{ id: 'only-b', value: { x: 2 } }] }, now: t0 });
        await storage.publish({ scope: DISTRICT_SCOPE, collections: { units: [{ id: 'district-unit', value: { id: 'district-unit' } }] }, now: t0 });
        const seenByA = (await pullAll(a)).changes.filter((c) => c.collection === 'notices' || c.id === 'district-unit').map((c) => c.id);
        expect(seenByA).toContain('only-a');
        expect(seenByA).toContain('district-unit');
        expect(seenByA).not.toContain('only-b');
        await expect(storage.publish({ scope: a, collections: { units: [{ id: 'district-unit', value: {} }] }, now: t0 })).rejects.toBeInstanceOf(StorageConflictError);
        await expect(storage.publish({ scope: DISTRICT_SCOPE, collections: { notices: [{ id: 'only-b', value: {} }] }, now: t0 })).rejects.toBeInstanceOf(StorageConflictError);
      });

      it('resets a cursor older than the tombstone horizon, or one this server never gave out', async () => {
        const id = await station('horizon');
        await storage.publish({ scope: id, collections: { amenities: [{ id: 'umbrella', value: { n: 1 } }, { id: 'kettle', value: { n: 2 } }] }, now: t0 });
        const old = (await pullAll(id)).cursor;
        await storage.publish({ scope: id, collections: { amenities: [{ id: 'kettle', value: { n: 2 } }] }, now: later(1000) });
        const withTombstone = await pullAll(id, old);
        expect(withTombstone.changes).toMatchObject([{ op: 'delete', id: 'umbrella' }]);
        const { purged, horizon } = await storage.purgeTombstones({ before: later(2000) });
        expect(purged).toBeGreaterThanOrEqual(1);
        expect(horizon).toBeGreaterThan(old);
        expect(await storage.pull({ stationId: id, cursor: old, limit: 10 })).toEqual({ changes: [], cursor: 0, hasMore: true, reset: true });
        expect((await storage.pull({ stationId: id, cursor: withTombstone.cursor, limit: 10 })).reset).toBe(false);
        expect((await storage.pull({ stationId: id, cursor: 0, limit: 10 })).reset).toBe(false);
        expect((await storage.pull({ stationId: id, cursor: 10 ** 12, limit: 10 })).reset).toBe(true);
        // A full read's own cursors may lie below the horizon: the station holds nothing older than the read.
        expect((await storage.pull({ stationId: id, cursor: old, limit: 10, fullRead: true })).reset).toBe(false);
        expect((await storage.pull({ stationId: id, cursor: 10 ** 12, limit: 10, fullRead: true })).reset).toBe(true);
      });

      it('puts one entry without touching the rest of its collection, and finds where an entry is published', async () => {
        const a = await station('ent');
        const b = await station('ent');
        const member = (id: string) => ({ id, name: '王秀兰', unitId: 'u', role: 'member', phone: '13903517264', skills: [] });
        await storage.publish({ scope: a, collections: { members: [{ id: 'wang', value: member('wang') }, { id: 'li', value: member('li') }] }, now: t0 });
        await storage.publish({ scope: b, collections: { members: [{ id: 'wang', value: member('wang') }] }, now: t0 });
        expect((await storage.findCentreEntries({ collection: 'members', id: 'wang' })).map((e) => e.scope).filter((s) => s === a || s === b)).toEqual([a, b].sort());
        const credentials = (memberId: string, qrHash: string | null) => ({ memberId, pinHash: null, qrHash, updatedAt: t0.toISOString() });
        const { cursor } = await pullAll(a);
        await storage.putCentreEntry({ collection: 'member-credentials', scope: a, id: 'wang', value: credentials('wang', null), now: t0 });
        await storage.putCentreEntry({ collection: 'member-credentials', scope: a, id: 'li', value: credentials('li', null), now: t0 });
        const qr = 'A'.repeat(43);
        const { seq } = await storage.putCentreEntry({ collection: 'member-credentials', scope: a, id: 'wang', value: credentials('wang', qr), now: later(1) });
        const { changes } = await pullAll(a, cursor);
        expect(changes.map((c) => [c.collection, c.id, c.op])).toEqual([
          ['member-credentials', 'li', 'put'],
          ['member-credentials', 'wang', 'put'],
        ]);
        expect(changes[1]).toMatchObject({ seq: String(seq), value: { qrHash: qr } });
        expect(await storage.findCentreEntries({ collection: 'member-credentials', id: 'wang' })).toEqual([{ scope: a, value: credentials('wang', qr) }]);
        // The other station reads none of it.
        expect((await pullAll(b)).changes.filter((c) => c.collection === 'member-credentials')).toEqual([]);
      });

      it('appends centre request events only where the state machine allows them', async () => {
        const id = await station('req');
        const request = residentRequest(id);
        await pushToStorage(storage, id, newEpoch(), entries([request, requestEvent(id, request.id, 'submit')]));
        const { cursor } = await pullAll(id);
        const event = (type: 'dispatch' | 'take' | 'complete') => ({
          event: { id: newId(), requestId: request.id, type, actor: 'centre' as const, note: '派给物业' },
          now: later(1000),
          validate: (status: Parameters<typeof applyRequestEvent>[0]) => applyRequestEvent(status, { type, actor: 'centre' }) as never,
        });
        expect(await storage.appendCentreRequestEvent(event('complete'))).toEqual({ ok: false, reason: 'wrong-state' });
        expect(await storage.appendCentreRequestEvent(event('dispatch'))).toMatchObject({ ok: true, status: 'dispatched', stationId: id });
        expect(await storage.appendCentreRequestEvent({ ...event('dispatch'), event: { ...event('dispatch').event, requestId: newId() } })).toEqual({ ok: false, reason: 'unknown-request' });
        const { changes } = await pullAll(id, cursor);
        expect(changes).toMatchObject([
          { collection: 'request-events', op: 'put', value: { kind: 'request-event', type: 'dispatch', actor: 'centre', stationId: id, requestId: request.id, note: '派给物业' } },
          { collection: 'request-status', op: 'put', id: request.id, value: { status: 'dispatched' } },
        ]);
        // The kiosk's next event is checked against the status the centre moved it to.
        const take = requestEvent(id, request.id, 'take', 'member');
        expect(await pushToStorage(storage, id, newEpoch(), entries([take]))).toMatchObject({ deadLetters: [] });
        expect((await storage.getRequestStatus(request.id))?.status).toBe('taken');
      });
    });

    describe('heartbeats and retention', () => {
      it('keeps the latest heartbeat per station, with the refused records waiting for a technician at the tablet', async () => {
        const id = await station('hb');
        const beat = { stationId: id, appVersion: '0.1.0', recordsWaiting: 4, storageUsed: 1000, storageQuota: 5000, storageGrowthPerDay: 120, deadLetters: 2, lastError: null, clockOffsetMs: -300, sentAt: t0.toISOString(), receivedAt: t0 };
        await storage.saveHeartbeat(beat);
        // The technician acknowledged the refused records at the tablet: the count goes back to 0, not left at 2.
        const next = { ...beat, recordsWaiting: 0, storageGrowthPerDay: -40, deadLetters: 0, lastError: 'network', sentAt: later(29_700).toISOString(), receivedAt: later(30_000) };
        await storage.saveHeartbeat(next);
        expect(await storage.getHeartbeat(id)).toEqual(next);
        expect((await storage.listHeartbeats()).filter((h) => h.stationId === id)).toHaveLength(1);
      });

      it('keeps the heartbeat sent last, whatever order they arrive in, judged on the server\'s clock', async () => {
        const id = await station('hb-order');
        // The tablet's clock is 5 hours fast, and it knows it: sentAt less the offset is the server's time.
        const fast = 5 * 3_600_000;
        const sent = (ms: number) => new Date(later(ms).getTime() + fast).toISOString();
        const first = { stationId: id, appVersion: '0.1.0', recordsWaiting: 40, storageUsed: 1000, storageQuota: 5000, storageGrowthPerDay: null, deadLetters: null, lastError: 'push failed: 503', clockOffsetMs: fast, sentAt: sent(0), receivedAt: later(200) };
        const second = { ...first, recordsWaiting: 0, lastError: null, sentAt: sent(60_000), receivedAt: later(60_200) };
        await storage.saveHeartbeat(first);
        await storage.saveHeartbeat(second);
        // The first delivered again a minute on (a retransmit, a stalled proxy): it must not bring back its 40 waiting.
        await storage.saveHeartbeat({ ...first, receivedAt: later(120_000) });
        expect(await storage.getHeartbeat(id)).toEqual(second);
        // The same beat twice does not move "last heard" on either.
        await storage.saveHeartbeat({ ...second, receivedAt: later(121_000) });
        expect(await storage.getHeartbeat(id)).toEqual(second);

        // NTP sets the clock right: the raw sentAt goes back 5 hours, the offset with it, and the beat is newer.
        const corrected = { ...second, clockOffsetMs: 0, sentAt: later(180_000).toISOString(), receivedAt: later(180_100), recordsWaiting: 2 };
        await storage.saveHeartbeat(corrected);
        expect(await storage.getHeartbeat(id)).toEqual(corrected);

        // A clock that jumped years ahead since its offset was measured cannot pin the board to that beat: a send
        // time is never taken as later than its receipt.
        const lost = { ...corrected, clockOffsetMs: 0, sentAt: '2030-01-01T00:00:00.000Z', receivedAt: later(240_000) };
        await storage.saveHeartbeat(lost);
        const after = { ...corrected, sentAt: later(300_000).toISOString(), receivedAt: later(300_100), recordsWaiting: 1 };
        await storage.saveHeartbeat(after);
        expect(await storage.getHeartbeat(id)).toEqual(after);

        // A tablet that has not measured its clock yet is taken as it comes.
        const unmeasured = { ...after, clockOffsetMs: null, sentAt: '1970-01-01T00:00:10.000Z', receivedAt: later(360_000), recordsWaiting: 3 };
        await storage.saveHeartbeat(unmeasured);
        expect(await storage.getHeartbeat(id)).toEqual(unmeasured);
      });

      it('purges in small batches and lets the event loop run between them', async () => {
        const id = await station('batches');
        const referrals = Array.from({ length: 20 }, () => referralWithContact(id));
        const junk = Array.from({ length: 20 }, (_, i) => ({ junk: i, phone: '13812345678' }));
        // Received long before anything else in this suite, so the purge below finds these and nothing else.
        const longAgo = new Date('2020-01-01T00:00:00Z');
        await pushToStorage(storage, id, newEpoch(), entries([...referrals, ...junk]), longAgo);
        // A second task that counts its own turns while the purge runs: a purge that never yields leaves it none.
        let purging = true;
        let turns = 0;
        const other = (async () => {
          while (purging) {
            await new Promise((resolve) => setImmediate(resolve));
            turns += 1;
          }
        })();
        const result = await storage.purgePersonal({ before: new Date('2020-01-02T00:00:00Z'), now: t0, definition: purgeDefinition, batchSize: 5 });
        purging = false;
        await other;
        expect(result).toMatchObject({ records: 20, deadLetters: 20 });
        // 4 batches of records and 4 of dead letters: the other task ran between every two of them.
        expect(turns).toBeGreaterThanOrEqual(7);
        for (const referral of referrals) expect(JSON.stringify((await storage.getRecord(referral.id))?.payload)).not.toContain('13812345678');
        expect((await storage.listDeadLetters(id)).map((d) => d.payload)).toEqual(junk.map(() => null));
      });

      it('purges personal fields of records received before the cutoff, and raw dead letters', async () => {
        const id = await station('ret');
        const old = referralWithContact(id);
        const recent = referralWithContact(id);
        await pushToStorage(storage, id, newEpoch(), entries([old, { junk: '13812345678' }]), t0);
        await pushToStorage(storage, id, newEpoch(), entries([recent]), later(10 * 86_400_000));
        const result = await storage.purgePersonal({ before: later(5 * 86_400_000), now: later(20 * 86_400_000), definition: purgeDefinition, batchSize: 1 });
        expect(result.records).toBeGreaterThanOrEqual(1);
        expect(result.deadLetters).toBeGreaterThanOrEqual(1);
        const purged = await storage.getRecord(old.id);
        expect(JSON.stringify(purged?.payload)).not.toMatch(/13812345678|12345678|王阿姨/);
        expect(purged).toMatchObject({ kind: 'referral', payload: { serviceId: 'bills', bill: { utility: 'water' } } });
        expect(purged?.personalPurgedAt).not.toBeNull();
        expect((await storage.getRecord(recent.id))?.payload).toMatchObject({ contact: { phone: '13812345678' } });
        expect((await storage.listDeadLetters(id))[0]?.payload).toBeNull();
      });

      it('purges again what an older definition of personal left, in records and in the console\'s copies of them', async () => {
        const id = await station('redef');
        const request = residentRequest(id, { text: '3号楼501 李秀英，厨房漏水' });
        const noted = { ...requestEvent(id, request.id, 'submit'), note: '李秀英下午在家' };
        const signature = 'M10 20 L30 40';
        const walkIn = {
          id: newId(), stationId: id, at: t0.toISOString(), v: 1, kind: 'shift-event', type: 'sign-in', method: 'walk-in',
          contact: { name: '赵志愿', phone: '13900001111', consentAt: t0.toISOString() }, signature,
        };
        await pushToStorage(storage, id, newEpoch(), entries([request, noted, walkIn]), t0);
        // Past every record of this suite (kiosk times are the test machine's clock), so this test goes last.
        const before = new Date(Date.now() + 86_400_000);
        // A server that purged when only the contact counted as personal, and kept no console copies in mind.
        const withoutContact = (payload: unknown) => {
          const { contact: _contact, ...rest } = payload as Record<string, unknown>;
          return rest;
        };
        const older = { version: purgeDefinition.version - 1, record: withoutContact, requestEvent: (event: unknown) => event, shiftEvent: (event: unknown) => event };
        await storage.purgePersonal({ before, now: later(86_400_000), definition: older });
        expect((await storage.getRecord(request.id))?.payload).toMatchObject({ text: '3号楼501 李秀英，厨房漏水' });

        const result = await storage.purgePersonal({ before, now: later(2 * 86_400_000), definition: purgeDefinition });
        expect(result.records).toBeGreaterThanOrEqual(3);
        const everything = JSON.stringify([
          await storage.getRecord(request.id),
          await storage.getRecord(noted.id),
          await storage.getRecord(walkIn.id),
          await storage.getRequestDetail(request.id),
          await storage.getShiftSignIn(walkIn.id),
        ]);
        expect(everything).not.toMatch(/李秀英|13900001111/);
        expect(everything).not.toContain(signature);
        expect(await storage.getShiftSignIn(walkIn.id)).toMatchObject({ contact: { name: '赵志愿' } });
        // Under the current definition, a purged row is not walked again.
        expect(await storage.purgePersonal({ before, now: later(3 * 86_400_000), definition: purgeDefinition })).toMatchObject({ records: 0, requestEvents: 0, shiftEvents: 0 });
      });
    });
  });
};
