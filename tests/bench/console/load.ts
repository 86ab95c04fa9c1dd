import { newId } from '../../../sync/protocol/ids.ts';
import type { KioskRecord } from '../../../sync/protocol/records.ts';
import { applyRequestEvent } from '../../../sync/protocol/request-state.ts';
import { claimedId, claimedRequestId, planPush } from '../../../sync/server/push/plan.ts';
import type { Storage } from '../../../sync/server/storage/types.ts';
import type { StationPlan } from './year.ts';
import { monthStart, nextMonth, type PlannedDispatch, stationYear } from './year.ts';

/**
 * A year of records loaded through the server's own push path (storage.applyPush with push/plan.ts, what POST
 * /api/push runs, minus HTTP), so the console's rows and report counters are what production keeps, and the
 * centre's dispatches through storage.appendCentreRequestEvent, what the console's dispatch route runs. Month by
 * month: every station pushes the month, then the centre dispatches that month's requests, and the units' take,
 * done and the residents' rating come in the stations' next pushes, after the dispatch they follow.
 */
export interface LoadResult {
  records: number;
  deadLetters: number;
  dispatches: number;
  ms: number;
  /** Records by kind, e.g. visit → 2,001,233. */
  kinds: Map<string, number>;
}

interface Outbox {
  epoch: string;
  seq: number;
}

export const loadYear = async (
  storage: Storage,
  o: { stations: readonly StationPlan[]; months: readonly string[]; now: number; scale: number; batch: number; concurrency: number; log: (m: string) => void },
): Promise<LoadResult> => {
  const result: LoadResult = { records: 0, deadLetters: 0, dispatches: 0, ms: 0, kinds: new Map() };
  const years = new Map(o.stations.map((s, i) => [s.id, stationYear(s, 1000 + i, o.now, o.scale)] as const));
  const outboxes = new Map(o.stations.map((s) => [s.id, { epoch: newId().replace(/-/g, ''), seq: 0 } satisfies Outbox] as const));
  const t0 = performance.now();

  const push = async (stationId: string, records: readonly KioskRecord[]) => {
    const outbox = outboxes.get(stationId)!;
    for (let i = 0; i < records.length; i += o.batch) {
      const entries = records.slice(i, i + o.batch).map((record) => ({ seq: ++outbox.seq, record }));
      const last = entries.at(-1)!;
      const pushed = await storage.applyPush(
        {
          stationId,
          epoch: outbox.epoch,
          recordIds: entries.map((e) => claimedId(e.record)).filter((id): id is string => id !== null),
          requestIds: entries.map((e) => claimedRequestId(e.record)).filter((id): id is string => id !== null),
          seqRange: { min: entries[0]!.seq, max: last.seq },
          // The kiosk pushes a few minutes after its newest record (received_at: what the inbox shows as updated).
          now: new Date(Math.min(o.now, Date.parse(last.record.at) + 300_000)),
        },
        (snapshot) => planPush({ stationId, entries }, snapshot),
      );
      if (pushed.kind !== 'applied' || pushed.appliedSeq !== last.seq) throw new Error(`push ${stationId}: ${JSON.stringify(pushed).slice(0, 300)}`);
      result.deadLetters += pushed.deadLetters.length;
      result.records += entries.length;
      for (const { record } of entries) result.kinds.set(record.kind, (result.kinds.get(record.kind) ?? 0) + 1);
    }
  };

  const dispatch = async (planned: PlannedDispatch) => {
    const applied = await storage.appendCentreRequestEvent({
      event: { id: newId(), requestId: planned.requestId, type: 'dispatch', actor: 'centre', target: { type: 'unit', unitId: planned.unitId }, note: '派给共建单位' },
      now: new Date(planned.at),
      validate: (status) => {
        const step = applyRequestEvent(status, { type: 'dispatch', actor: 'centre' });
        return step.ok ? step : { ok: false, reason: step.reason };
      },
    });
    if (!applied.ok) throw new Error(`dispatch ${planned.requestId}: ${applied.reason}`);
    result.dispatches += 1;
    years.get(planned.stationId)!.afterDispatch(planned.followUps);
  };

  /** Runs `task` for every item, `concurrency` at a time (PostgreSQL's pool works on several; SQLite on one). */
  const each = async <T>(items: readonly T[], task: (item: T) => Promise<void>) => {
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(o.concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }));
  };

  for (const month of o.months) {
    const start = monthStart(month);
    const end = monthStart(nextMonth(month));
    const dispatches: PlannedDispatch[] = [];
    await each(o.stations, async (station) => {
      const made = years.get(station.id)!.month(start, end);
      dispatches.push(...made.dispatches);
      await push(station.id, made.records);
    });
    dispatches.sort((a, b) => a.at - b.at);
    await each(dispatches, dispatch);
    const seconds = (performance.now() - t0) / 1000;
    o.log(`console: ${month} loaded: ${result.records.toLocaleString('en')} records, ${result.dispatches.toLocaleString('en')} dispatches so far, ${Math.round(result.records / seconds).toLocaleString('en')} rec/s`);
  }
  await each(o.stations, (station) => push(station.id, years.get(station.id)!.rest()));
  result.ms = performance.now() - t0;
  return result;
};
