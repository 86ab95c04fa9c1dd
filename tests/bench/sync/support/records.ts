import { newId } from '../../../../sync/protocol/ids.ts';
import { type KioskRecord, kioskRecordSchema, RECORD_SCHEMA_VERSION } from '../../../../sync/protocol/records.ts';

/**
 * Kiosk records for the sync benchmarks, the same in Node (ingest, load) and in the drain page: runs anywhere,
 * no DOM, no Node. Every record is checked with the shared zod schema (kioskRecordSchema) when it is made.
 */

/** A small seeded generator (mulberry32), so every run makes the same mix. */
export const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const purposes = ['bills', 'seniors', 'health', 'law-policy', 'neighbourhood', 'children', 'convenience'] as const;
const services = ['bills', 'pension', 'medical-insurance', 'housing', 'legal-aid', 'employment'] as const;
const utilities = ['water', 'electricity', 'gas', 'phone', 'tv', 'property'] as const;
const names = ['王阿姨', '李大爷', '张秀英', '刘建国', '陈桂兰'] as const;
const phones = ['13812345678', '15900001111', '18611112222', '02787651234'] as const;

/** What a day at a station makes, by share: mostly check-ins, then referrals, requests with their events, feedback. */
export const MIX = 'visits ≈ 85 %, referrals ≈ 7 % (a third with contact and bill account), requests ≈ 3 % each followed by its submit event (a quarter later cancelled), feedback ≈ 1 %';

/**
 * `count` records of one station in the order a kiosk makes them (so outbox seq order): each request is followed
 * by its submit event, and a quarter of them by a cancel later on. Times run up to `end`, a few seconds apart.
 * Ids are fresh UUIDv7s on every call: a server that already holds a batch recognises it by id and skips it.
 */
export const kioskRecords = (stationId: string, count: number, seed = 1, end = Date.now()): KioskRecord[] => {
  const rnd = random(seed);
  const out: KioskRecord[] = [];
  const open: string[] = [];
  const start = end - count * 4000;
  let requestNo = 0;
  const base = (i: number): { id: string; stationId: string; at: string; v: typeof RECORD_SCHEMA_VERSION } => ({
    id: newId(),
    stationId,
    at: new Date(start + i * 4000).toISOString(),
    v: RECORD_SCHEMA_VERSION,
  });
  const contact = (at: string) => ({ name: pick(rnd, names), phone: pick(rnd, phones), consentAt: at });
  while (out.length < count) {
    const i = out.length;
    const x = rnd();
    let record: KioskRecord;
    if (x < 0.03 && count - i >= 2) {
      const b = base(i);
      requestNo += 1;
      record = {
        ...b,
        kind: 'request',
        requestKind: pick(rnd, ['wish', 'complaint', 'dream'] as const),
        category: pick(rnd, purposes),
        phrases: ['repair', 'elevator'].slice(0, 1 + Math.floor(rnd() * 2)),
        number: String(2_000_000 + requestNo),
        ...(rnd() < 0.5 ? { text: '楼道灯坏了，请帮忙修一下' } : {}),
        ...(rnd() < 0.5 ? { contact: contact(b.at) } : {}),
      };
      out.push(kioskRecordSchema.parse(record));
      out.push(kioskRecordSchema.parse({ ...base(i + 1), kind: 'request-event', requestId: record.id, type: 'submit', actor: 'resident' }));
      if (rnd() < 0.25) open.push(record.id);
      continue;
    }
    if (x < 0.04 && open.length > 0) {
      record = { ...base(i), kind: 'request-event', requestId: open.shift()!, type: 'cancel', actor: 'resident', note: '已自行解决' };
    } else if (x < 0.11) {
      const b = base(i);
      const withContact = rnd() < 0.33;
      record = {
        ...b,
        kind: 'referral',
        serviceId: pick(rnd, services),
        queueNo: `A${String(i % 1000).padStart(3, '0')}`,
        ...(withContact ? { bill: { utility: pick(rnd, utilities), account: String(10_000_000 + Math.floor(rnd() * 89_999_999)) }, contact: contact(b.at) } : {}),
      };
    } else if (x < 0.12) {
      record = { ...base(i), kind: 'feedback', rating: 1 + Math.floor(rnd() * 5), ...(rnd() < 0.3 ? { comment: '服务很好' } : {}) };
    } else {
      record = { ...base(i), kind: 'visit', who: pick(rnd, ['resident', 'resident', 'resident', 'nearby', 'visitor'] as const), purpose: pick(rnd, purposes) };
    }
    out.push(kioskRecordSchema.parse(record));
  }
  return out;
};

/**
 * The same records under new ids (request events follow their request's new id), for a second run against a
 * server that already holds the first: the same mix and sizes, none of them known.
 */
export const withNewIds = (records: readonly KioskRecord[]): KioskRecord[] => {
  const ids = new Map<string, string>();
  const idOf = (old: string) => {
    let id = ids.get(old);
    if (!id) ids.set(old, (id = newId()));
    return id;
  };
  return records.map((r) => (r.kind === 'request-event' ? { ...r, id: idOf(r.id), requestId: idOf(r.requestId) } : { ...r, id: idOf(r.id) }));
};

/** How many of each kind, e.g. "visit 85,012 · referral 7,003 · …". */
export const kindCounts = (records: readonly KioskRecord[]): string => {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n.toLocaleString('en')}`).join(' · ');
};
