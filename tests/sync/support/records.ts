import { newId } from '../../../sync/protocol/ids.ts';
import { type KioskRecord, kioskRecordSchema, type RequestEvent, RECORD_SCHEMA_VERSION } from '../../../sync/protocol/records.ts';
import type { DeadLetterReason } from '../../../sync/protocol/wire.ts';
import type { Rng } from './random.ts';

/**
 * A station's day-to-day records, built with the shared zod schemas (every one parses): visits, referrals
 * (some for bills), requests with their submit event and later cancellations, feedback, amenity uses, shift
 * sign-ins and the sign-outs that close them, device events; about one in five carries a consented name and
 * phone. `illegal` adds request events the server must dead-letter (a rating before the request is done, a second
 * submit, an event for a request the station never sent, an event claiming to be the centre), and says which
 * reason each one must get.
 */
export interface StationRecords {
  records: KioskRecord[];
  /** Records the server must store. */
  valid: KioskRecord[];
  /** Record id → the dead-letter reason the server must give it. */
  dead: Map<string, DeadLetterReason>;
}

const NAMES = ['王阿姨', '李师傅', '张大爷', '陈女士', '刘奶奶', '赵先生'];
const PURPOSES = ['bills', 'health', 'legal', 'seniors', 'kids', 'property', 'consult'];
const SERVICES = ['water-bill', 'power-bill', 'bus-card', 'senior-card', 'mediation', 'policy', 'clinic'];
const AMENITIES = ['umbrella', 'charger', 'microwave', 'hot-water', 'newspaper', 'first-aid'];
const MEMBERS = ['m-01', 'm-02', 'm-03', 'm-04', 'm-05'];
const UTILITIES = ['water', 'electricity', 'gas', 'phone', 'tv', 'property'] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const buildStationRecords = (options: {
  stationId: string;
  count: number;
  random: Rng;
  /** The kiosk's clock when record i was made (skewed, spread over a month, …). */
  at: (i: number) => Date;
  /** How many deliberately illegal request events to mix in (counted in `count`). */
  illegal?: number;
  /** Share of records with personal fields (a consented contact, a bill account). */
  personal?: number;
}): StationRecords => {
  const { stationId, count, random } = options;
  const personal = options.personal ?? 0.2;
  const records: KioskRecord[] = [];
  const dead = new Map<string, DeadLetterReason>();
  const open: string[] = [];
  const onDuty: { memberId: string; signInId: string }[] = [];
  const counters = new Map<string, number>();
  let illegalLeft = options.illegal ?? 0;

  const counter = (key: string) => {
    const next = (counters.get(key) ?? 0) + 1;
    counters.set(key, next);
    return next;
  };
  const contact = (at: string) =>
    random.chance(personal) ? { contact: { name: random.pick(NAMES), phone: `1${random.int(3, 9)}${pad(random.int(0, 999_999_999), 9)}`, consentAt: at } } : {};
  const push = (draft: Record<string, unknown>, at: string) => {
    const record = kioskRecordSchema.parse({ ...draft, id: newId(), stationId, at, v: RECORD_SCHEMA_VERSION });
    records.push(record);
    return record;
  };
  const event = (requestId: string, type: RequestEvent['type'], actor: RequestEvent['actor'], at: string) =>
    push({ kind: 'request-event', requestId, type, actor }, at);

  for (let i = 0; records.length < count; i += 1) {
    const when = options.at(i);
    const at = when.toISOString();
    const day = at.slice(0, 10);
    const left = count - records.length;
    // Illegal events spread over the run, once there is a request to aim them at.
    if (illegalLeft > 0 && open.length > 0 && random.chance(Math.min(1, (illegalLeft * 3) / left))) {
      illegalLeft -= 1;
      const which = illegalLeft % 4;
      const target = random.pick(open);
      if (which === 0) dead.set(event(target, 'rate', 'resident', at).id, 'illegal-transition');
      else if (which === 1) dead.set(event(target, 'submit', 'resident', at).id, 'illegal-transition');
      else if (which === 2) dead.set(event(newId(), 'cancel', 'resident', at).id, 'unknown-request');
      else dead.set(event(target, 'dispatch', 'centre', at).id, 'illegal-transition');
      continue;
    }
    const roll = random();
    if (roll < 0.38 || left < 2) {
      push({ kind: 'visit', who: random.pick(['resident', 'nearby', 'visitor']), purpose: random.pick(PURPOSES), ...contact(at) }, at);
    } else if (roll < 0.52) {
      const bill = random.chance(personal * 2) ? { bill: { utility: random.pick(UTILITIES), account: pad(random.int(0, 99_999_999), 8) } } : {};
      const queue = counter(`q${day}`) % 1000;
      push({ kind: 'referral', serviceId: random.pick(SERVICES), queueNo: `${random.pick(['A', 'B', 'C'])}${pad(queue, 3)}`, ...bill, ...contact(at) }, at);
    } else if (roll < 0.62) {
      // A request and its submit event, written together as the kiosk does (submit-request.ts).
      // Receipt numbers only grow within a station (request-number.ts); their minute does not matter here.
      const number = String(2_000_000 + counter('requests'));
      const request = push(
        {
          kind: 'request',
          requestKind: random.pick(['wish', 'complaint', 'dream']),
          category: random.pick(PURPOSES),
          phrases: random.chance(0.5) ? ['repair', 'visit'] : ['help'],
          ...(random.chance(0.3) ? { text: '楼道灯坏了，请帮忙修一下' } : {}),
          number,
          ...contact(at),
        },
        at,
      );
      event(request.id, 'submit', 'resident', at);
      open.push(request.id);
    } else if (roll < 0.66 && open.length > 0) {
      // A resident withdraws one: legal from submitted, dispatched or taken, whatever the centre did meanwhile.
      const target = open.splice(random.int(0, open.length - 1), 1)[0]!;
      event(target, 'cancel', 'resident', at);
    } else if (roll < 0.76) {
      push({ kind: 'feedback', rating: random.int(1, 5), ...(random.chance(0.3) ? { comment: '志愿者很耐心' } : {}) }, at);
    } else if (roll < 0.9) {
      push({ kind: 'amenity-use', amenityId: random.pick(AMENITIES), action: random.pick(['use', 'lend', 'return']) }, at);
    } else if (roll < 0.96) {
      // A member signs in, or signs out of a shift signed in to before (a sign-out names its sign-in).
      const shift = onDuty.length > 0 && random.chance(0.5) ? onDuty.splice(random.int(0, onDuty.length - 1), 1)[0]! : null;
      if (shift) push({ kind: 'shift-event', memberId: shift.memberId, type: 'sign-out', method: random.pick(['pin', 'qr']), signInId: shift.signInId }, at);
      else {
        const memberId = random.pick(MEMBERS);
        onDuty.push({ memberId, signInId: push({ kind: 'shift-event', memberId, type: 'sign-in', method: random.pick(['pin', 'qr']) }, at).id });
      }
    } else {
      push({ kind: 'device-event', type: random.pick(['boot', 'network-up', 'network-down']), detail: 'sync test' }, at);
    }
  }
  return { records, valid: records.filter((r) => !dead.has(r.id)), dead };
};
