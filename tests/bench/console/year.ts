import { newId } from '../../../sync/protocol/ids.ts';
import { type KioskRecord, RECORD_SCHEMA_VERSION, type RequestEvent } from '../../../sync/protocol/records.ts';
import { random } from '../sync/support/records.ts';

/**
 * A year of a district's stations, made one station-month at a time (2 million records never sit in memory at
 * once). Volumes per station and day, at scale 1, are the issue's: 100 stations, about 2,000,000 visits and
 * 50,000 requests a year. A station's size and the day of the week move them; every request walks the loop
 * (submit → taken at the station, or dispatched by the centre first → done → rated; some cancelled, some still
 * open at the end). Records are checked by the server's push as they arrive, not here.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** China Standard Time: the stations' local day starts at 16:00 UTC. */
const LOCAL_OFFSET_MS = 8 * HOUR_MS;

export const PER_STATION_DAY = {
  visits: 2_000_000 / 100 / 365,
  requests: 50_000 / 100 / 365,
  referrals: 4,
  feedback: 0.5,
  amenities: 2,
} as const;

export const YEAR_MIX =
  'per station and day on average: 55 visits (7 purposes, 3 kinds of visitor), 4 referrals (95 % with an outcome: done, passed on, no-show), 1.4 requests of the three kinds (8 % cancelled, 42 % dispatched by the centre to a partner unit, 42 % taken at the station, the rest left open; done ones rated half the time), 2 amenity uses, 0.5 feedback, 2 shifts signed in and out (3 % signed out by the tablet, 2 % walk-ins)';

const purposes = ['bills', 'seniors', 'health', 'law-policy', 'neighbourhood', 'children', 'convenience'] as const;
const services = ['bills', 'pension', 'medical-insurance', 'housing', 'legal-aid', 'employment'] as const;
const utilities = ['water', 'electricity', 'gas', 'phone', 'tv', 'property'] as const;
const amenities = ['umbrella', 'reading-glasses', 'wheelchair', 'blood-pressure', 'charger'] as const;
const categories = ['repair', 'elderly-care', 'environment', 'neighbourhood', 'children'] as const;
const kinds = ['wish', 'complaint', 'dream'] as const;

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
/** A whole number of events whose mean is `mean`. */
const howMany = (rnd: () => number, mean: number): number => Math.floor(mean) + (rnd() < mean - Math.floor(mean) ? 1 : 0);

export interface StationPlan {
  id: string;
  /** Its size against the district's mean (0.5–1.5). */
  size: number;
  members: readonly string[];
  units: readonly string[];
}

/** A centre step to take once the request's push is in: dispatch to a unit, then the kiosk's follow-ups. */
export interface PlannedDispatch {
  stationId: string;
  requestId: string;
  at: number;
  unitId: string;
  /** take, complete, rate: pushed by the station after the dispatch is applied. */
  followUps: KioskRecord[];
}

export interface StationMonth {
  /** In seq order: the month's records by time, then follow-ups of earlier months that came due. */
  records: KioskRecord[];
  dispatches: PlannedDispatch[];
}

/**
 * One station's generator. `month(start, end)` makes the records of [start, end); follow-ups that fall later
 * wait in `pending` for the month they happen in, and anything after `now` is never made (still open).
 */
export const stationYear = (station: StationPlan, seed: number, now: number, scale: number) => {
  const rnd = random(seed);
  const pending: KioskRecord[] = [];
  let requestNo = 0;
  const record = <T extends object>(at: number, body: T): T & { id: string; stationId: string; at: string; v: typeof RECORD_SCHEMA_VERSION } => ({
    id: newId(),
    stationId: station.id,
    at: new Date(at).toISOString(),
    v: RECORD_SCHEMA_VERSION,
    ...body,
  });
  const event = (at: number, requestId: string, body: Pick<RequestEvent, 'type' | 'actor'> & Partial<RequestEvent>): KioskRecord =>
    record(at, { kind: 'request-event' as const, requestId, ...body });
  const later = (records: KioskRecord[]) => pending.push(...records.filter((r) => Date.parse(r.at) <= now));

  /** What happens to a request after its submit: kiosk follow-ups, or a centre dispatch first. */
  const lifecycle = (requestId: string, submittedAt: number): PlannedDispatch | KioskRecord[] => {
    const x = rnd();
    const member = pick(rnd, station.members);
    const doneAndRated = (takenAt: number, rateShare: number): KioskRecord[] => {
      const doneAt = takenAt + (2 + rnd() * 94) * HOUR_MS;
      const out = [event(takenAt, requestId, { type: 'take', actor: 'member', memberId: member }), event(doneAt, requestId, { type: 'complete', actor: 'member', memberId: member, note: '已上门处理' })];
      if (rnd() < rateShare) out.push(event(doneAt + (1 + rnd() * 71) * HOUR_MS, requestId, { type: 'rate', actor: 'resident', rating: 3 + Math.floor(rnd() * 3) }));
      return out;
    };
    if (x < 0.08) return [event(submittedAt + (1 + rnd() * 47) * HOUR_MS, requestId, { type: 'cancel', actor: 'resident', note: '已自行解决' })];
    if (x < 0.5) {
      const at = submittedAt + (1 + rnd() * 7) * HOUR_MS;
      return { stationId: station.id, requestId, at, unitId: pick(rnd, station.units), followUps: doneAndRated(at + (2 + rnd() * 28) * HOUR_MS, 0.6) };
    }
    if (x < 0.92) return doneAndRated(submittedAt + (1 + rnd() * 23) * HOUR_MS, 0.5);
    return [];
  };

  /** Local 09:00 or 14:00 of a day: a three-hour shift, signed out by the member or by the tablet. */
  const shift = (dayStart: number, startHour: number): KioskRecord[] => {
    const signInAt = dayStart + startHour * HOUR_MS + (rnd() - 0.5) * 20 * 60_000;
    const walkIn = rnd() < 0.02;
    const signIn = record(signInAt, {
      kind: 'shift-event' as const,
      type: 'sign-in' as const,
      method: walkIn ? ('walk-in' as const) : ('pin' as const),
      ...(walkIn ? { contact: { name: '临时志愿者', phone: '13800001111', consentAt: new Date(signInAt).toISOString() } } : { memberId: pick(rnd, station.members) }),
    });
    const scheduledEnd = dayStart + (startHour + 3) * HOUR_MS;
    const signOut =
      rnd() < 0.03
        ? record(scheduledEnd + 2 * HOUR_MS, { kind: 'shift-event' as const, type: 'auto-sign-out' as const, method: 'auto' as const, signInId: signIn.id, creditedEnd: new Date(scheduledEnd).toISOString() })
        : record(scheduledEnd + (rnd() - 0.3) * 30 * 60_000, { kind: 'shift-event' as const, type: 'sign-out' as const, method: 'pin' as const, signInId: signIn.id });
    return [signIn, signOut];
  };

  const day = (dayStart: number, out: KioskRecord[], dispatches: PlannedDispatch[]) => {
    const weekday = new Date(dayStart + LOCAL_OFFSET_MS).getUTCDay();
    const busy = station.size * (weekday === 0 || weekday === 6 ? 0.6 : 1.16) * scale;
    // Opening hours 08:30–17:30 local: 9 hours.
    const at = () => dayStart + 8.5 * HOUR_MS + rnd() * 9 * HOUR_MS;
    for (let i = howMany(rnd, PER_STATION_DAY.visits * busy); i > 0; i--) {
      out.push(record(at(), { kind: 'visit' as const, who: pick(rnd, ['resident', 'resident', 'resident', 'nearby', 'visitor'] as const), purpose: pick(rnd, purposes) }));
    }
    for (let i = howMany(rnd, PER_STATION_DAY.referrals * busy); i > 0; i--) {
      const t = at();
      const withBill = rnd() < 0.3;
      const referral = record(t, {
        kind: 'referral' as const,
        serviceId: withBill ? 'bills' : pick(rnd, services),
        queueNo: `A${String(i).padStart(3, '0')}`,
        ...(withBill ? { bill: { utility: pick(rnd, utilities), account: String(10_000_000 + Math.floor(rnd() * 89_999_999)) } } : {}),
      });
      out.push(referral);
      const outcome = rnd();
      if (outcome < 0.95) later([record(t + (5 + rnd() * 55) * 60_000, { kind: 'referral-event' as const, referralId: referral.id, type: outcome < 0.7 ? ('done' as const) : outcome < 0.85 ? ('pass-on' as const) : ('no-show' as const), ...(outcome >= 0.7 && outcome < 0.85 ? { note: '社保所' } : {}) })]);
    }
    for (let i = howMany(rnd, PER_STATION_DAY.requests * busy); i > 0; i--) {
      const t = at();
      requestNo += 1;
      const request = record(t, {
        kind: 'request' as const,
        requestKind: pick(rnd, kinds),
        category: pick(rnd, categories),
        phrases: ['repair'],
        number: String(1_000_000 + requestNo),
        ...(rnd() < 0.5 ? { text: '楼道灯坏了，请帮忙修一下' } : {}),
      });
      out.push(request, event(t + 1000, request.id, { type: 'submit', actor: 'resident' }));
      const next = lifecycle(request.id, t);
      if (Array.isArray(next)) later(next);
      else if (next.at <= now) dispatches.push(next);
    }
    for (let i = howMany(rnd, PER_STATION_DAY.amenities * busy); i > 0; i--) out.push(record(at(), { kind: 'amenity-use' as const, amenityId: pick(rnd, amenities), action: pick(rnd, ['use', 'use', 'lend', 'return'] as const) }));
    for (let i = howMany(rnd, PER_STATION_DAY.feedback * busy); i > 0; i--) out.push(record(at(), { kind: 'feedback' as const, rating: 3 + Math.floor(rnd() * 3) }));
    // Shifts do not shrink with the scale: a station is staffed however few residents come.
    for (const startHour of [9, 14]) later(shift(dayStart, startHour));
  };

  return {
    /** The records of the local days in [start, end), and the centre steps they call for. */
    month(start: number, end: number): StationMonth {
      const made: KioskRecord[] = [];
      const dispatches: PlannedDispatch[] = [];
      for (let dayStart = start; dayStart < end; dayStart += DAY_MS) day(dayStart, made, dispatches);
      const due = pending.filter((r) => Date.parse(r.at) < end);
      const waiting = pending.filter((r) => Date.parse(r.at) >= end);
      pending.length = 0;
      pending.push(...waiting);
      return { records: [...made, ...due].sort((a, b) => a.at.localeCompare(b.at)), dispatches };
    },
    /** Follow-ups of centre dispatches: due once the dispatch is applied, pushed in the station's next batch. */
    afterDispatch(records: readonly KioskRecord[]) {
      later([...records]);
    },
    /** What is still waiting and already happened by `now` (the last push of the year). */
    rest(): KioskRecord[] {
      const out = pending.filter((r) => Date.parse(r.at) <= now).sort((a, b) => a.at.localeCompare(b.at));
      pending.length = 0;
      return out;
    },
  };
};

/** Local midnight (UTC+8) of a month's first day, as an instant; `month` is yyyy-mm. */
export const monthStart = (month: string): number => Date.parse(`${month}-01T00:00:00.000Z`) - LOCAL_OFFSET_MS;

/** The month after yyyy-mm. */
export const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The twelve months ending with `lastMonth` (yyyy-mm), oldest first. */
export const twelveMonths = (lastMonth: string): string[] => {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - 11 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};
