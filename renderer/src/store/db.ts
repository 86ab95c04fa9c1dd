import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Amenity,
  BillChannel,
  Member,
  Notice,
  Service,
  ServiceCategory,
  Shift,
  StationSettings,
  Unit,
} from '@protocol/catalogue.ts';
import type { MemberCredentials, RequestStatusEntry } from '@protocol/centre.ts';
import type {
  AmenityUse,
  DeviceEvent,
  ContactReveal,
  Feedback,
  HandoverNote,
  KioskRecord,
  Referral,
  ReferralEvent,
  RequestEvent,
  ResidentRequest,
  ShiftEvent,
  Visit,
} from '@protocol/records.ts';

/** A kiosk-born record as stored locally: the record itself plus the station-local day it belongs to. */
export type Stored<R> = R & { day: string };

/**
 * The outbox is an append-only log: `seq` grows with every kiosk-born write, and sync remembers the highest
 * seq the server acknowledged (meta `outbox.pushedSeq`). Draining is a key-range read, never a delete; acknowledged
 * entries past the station's retention are range-deleted from the bottom (meta `outbox.prunedSeq`).
 */
export interface OutboxEntry {
  seq?: number;
  kind: KioskRecord['kind'];
  id: string;
  record: KioskRecord;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Version 1: the resident kiosk, offline. Kept as it shipped: the migration tests open a v1 database with it. */
export const schemaV1 = {
  visits: 'id, day, [purpose+day]',
  referrals: 'id, day, queueNo',
  requests: 'id, day, number',
  requestEvents: 'id, requestId',
  feedback: 'id, day',
  amenityUses: 'id, day, [amenityId+day]',
  shiftEvents: 'id, day, memberId',
  deviceEvents: 'id, day',
  outbox: '++seq',
  meta: 'key',
  categories: 'id, order',
  services: 'id, categoryId, order',
  bills: 'utility, order',
  units: 'id',
  members: 'id',
  shifts: 'id, memberId, *weekdays',
  notices: 'id, kind, startsAt',
  amenities: 'id, order',
  settings: 'stationId',
} as const;

/** Version 2: sync. The server's view of each request's status, and records the server could never accept. */
export const schemaV2 = {
  ...schemaV1,
  requestStatus: 'requestId',
  deadLetters: 'seq',
} as const;

/**
 * Version 3: volunteers at the kiosk. Their queue of referrals, contact reveals, handover notes, and the hashes
 * that let a member sign in offline (centre-born).
 */
export const schemaV3 = {
  ...schemaV2,
  referralEvents: 'id, referralId, day',
  contactReveals: 'id, day',
  handoverNotes: 'id, day',
  memberCredentials: 'memberId',
} as const;

export interface DeadLetterRow {
  seq: number;
  id: string | null;
  reason: string;
  detail: string | null;
  at: string;
  /**
   * A volunteer's step that lost the race to another tablet or the centre (protocol/lost-race.ts): the request
   * shows it, and no technician need act. Absent on rows kept before it was told apart: those wait for one.
   */
  lostRace?: boolean;
  /** When a technician acknowledged it on the diagnostics screen; absent: still open. */
  acknowledgedAt?: string;
}

/** A refused record a technician must still see and tell the centre about. */
export const awaitsTechnician = (dead: DeadLetterRow): boolean => dead.acknowledgedAt === undefined && dead.lostRace !== true;

export class YizhanDb extends Dexie {
  visits!: EntityTable<Stored<Visit>, 'id'>;
  referrals!: EntityTable<Stored<Referral>, 'id'>;
  requests!: EntityTable<Stored<ResidentRequest>, 'id'>;
  requestEvents!: EntityTable<Stored<RequestEvent>, 'id'>;
  feedback!: EntityTable<Stored<Feedback>, 'id'>;
  amenityUses!: EntityTable<Stored<AmenityUse>, 'id'>;
  shiftEvents!: EntityTable<Stored<ShiftEvent>, 'id'>;
  deviceEvents!: EntityTable<Stored<DeviceEvent>, 'id'>;
  referralEvents!: EntityTable<Stored<ReferralEvent>, 'id'>;
  contactReveals!: EntityTable<Stored<ContactReveal>, 'id'>;
  handoverNotes!: EntityTable<Stored<HandoverNote>, 'id'>;
  outbox!: Table<OutboxEntry, number>;
  meta!: EntityTable<MetaRow, 'key'>;

  categories!: EntityTable<ServiceCategory, 'id'>;
  services!: EntityTable<Service, 'id'>;
  bills!: EntityTable<BillChannel, 'utility'>;
  units!: EntityTable<Unit, 'id'>;
  members!: EntityTable<Member, 'id'>;
  shifts!: EntityTable<Shift, 'id'>;
  notices!: EntityTable<Notice, 'id'>;
  amenities!: EntityTable<Amenity, 'id'>;
  settings!: EntityTable<StationSettings, 'stationId'>;
  requestStatus!: EntityTable<RequestStatusEntry, 'requestId'>;
  memberCredentials!: EntityTable<MemberCredentials, 'memberId'>;
  deadLetters!: EntityTable<DeadLetterRow, 'seq'>;

  constructor(name = 'yizhan') {
    // 'strict' makes Chromium flush each commit to disk before it resolves, so a record confirmed on screen
    // survives a power cut; the cost is about a millisecond a commit (tests/bench/commit).
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3);
  }
}

/** The table of each kind of kiosk-born record: one map, so a new kind cannot be left out of either use below. */
const tablesByKind = (db: YizhanDb) =>
  ({
    visit: db.visits,
    referral: db.referrals,
    request: db.requests,
    'request-event': db.requestEvents,
    feedback: db.feedback,
    'amenity-use': db.amenityUses,
    'shift-event': db.shiftEvents,
    'device-event': db.deviceEvents,
    'referral-event': db.referralEvents,
    'contact-reveal': db.contactReveals,
    'handover-note': db.handoverNotes,
  }) satisfies Record<KioskRecord['kind'], Table>;

/** Which table keeps each kind of kiosk-born record. */
export const tableOfKind = (db: YizhanDb, kind: KioskRecord['kind']): Table<Stored<KioskRecord>, string> =>
  tablesByKind(db)[kind] as unknown as Table<Stored<KioskRecord>, string>;

/** Every table of kiosk-born records. */
export const kioskTables = (db: YizhanDb): Table[] => Object.values(tablesByKind(db));

/** The catalogue the centre publishes, replaced as a whole by a demo seed or a pull reset. */
export const centreTables = (db: YizhanDb) =>
  [db.categories, db.services, db.bills, db.units, db.members, db.shifts, db.notices, db.amenities, db.settings] as const;
