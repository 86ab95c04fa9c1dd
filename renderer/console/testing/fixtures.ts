import type { Member, Unit } from '@protocol/catalogue.ts';
import { communityScope } from '@protocol/centre.ts';
import type { RequestDetail, RequestSummary } from '@protocol/console/dispatch.ts';
import type { Organisation } from '@protocol/console/organisation.ts';
import type { PublishedItem } from '@protocol/console/publish.ts';
import { consoleRoutes } from '@protocol/console/routes.ts';
import type { Session, StaffRole } from '@protocol/console/session.ts';

/**
 * A small district for component tests, each piece checked against the contract's schemas: one subdistrict,
 * the community 幸福里 with two stations, two partner units and three members, and requests to show.
 */
export const COMMUNITY = 'xingfuli';
export const SCOPE = communityScope(COMMUNITY);
const at = '2026-03-02T08:00:00.000Z';
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
let serial = 0;
const uuid = (): string => {
  serial += 1;
  return `0190a5c4-7b2e-7c3d-8e4f-${String(serial).padStart(12, '0')}`;
};

export const organisation: Organisation = consoleRoutes.organisation.response.parse({
  subdistricts: [{ id: 'heping', name: text('和平街道', 'Heping Subdistrict'), createdAt: at }],
  communities: [{ id: COMMUNITY, subdistrictId: 'heping', name: text('幸福里社区', 'Xingfuli Community'), targetHours: 72, createdAt: at }],
  stations: [
    { id: 'east-gate', name: '东门驿站', communityId: COMMUNITY, enrolled: true, revokedAt: null, createdAt: at },
    { id: 'pump-room', name: '水泵房驿站', communityId: COMMUNITY, enrolled: true, revokedAt: null, createdAt: at },
  ],
});

export const sessionFor = (role: StaffRole, name = '李主任'): Session =>
  consoleRoutes.session.response.parse({
    staff: { id: '0190a5c4-7b2e-7c3d-8e4f-aaaaaaaaaaaa', login: 'li.zhuren', name, role, disabled: false, createdAt: at, lastLoginAt: at, lockedUntil: null },
    scope: { district: role.kind === 'district-admin', subdistrictIds: ['heping'], communityIds: [COMMUNITY], stationIds: ['east-gate', 'pump-room'], unitId: role.kind === 'unit-lead' ? role.unitId : null },
    csrfToken: 'c'.repeat(43),
    idleExpiresAt: '2026-03-05T20:00:00.000Z',
    expiresAt: '2026-03-09T12:00:00.000Z',
  });

export const staffSession = sessionFor({ kind: 'community-staff', communityId: COMMUNITY });
export const leadSession = sessionFor({ kind: 'unit-lead', communityId: COMMUNITY, unitId: 'water-co' }, '王经理');

export const units: Unit[] = [
  { id: 'water-co', name: text('自来水公司', 'Water company') },
  { id: 'tax-office', name: text('税务所', 'Tax office') },
];
export const members: Member[] = [
  { id: 'zhang-wei', name: '张伟', unitId: 'water-co', role: 'unit-staff', phone: '13800001111', skills: [text('水管维修', 'Plumbing')] },
  { id: 'li-na', name: '李娜', unitId: 'water-co', role: 'member', phone: '13800002222', skills: [] },
  { id: 'zhao-min', name: '赵敏', unitId: 'tax-office', role: 'member', phone: '13800003333', skills: [text('税务咨询', 'Tax advice')] },
];

const item = <C extends PublishedItem['collection']>(collection: C, value: Extract<PublishedItem, { collection: C }>['value'], id: string, scope = SCOPE, version = 1): PublishedItem =>
  ({ collection, scope, id, version, updatedAt: at, value }) as PublishedItem;

export const unitItems = units.map((unit, i) => item('units', unit, unit.id, SCOPE, 10 + i));
export const memberItems = members.map((member, i) => item('members', member, member.id, SCOPE, 20 + i));

/** GET /publish by collection, for the directories every page reads. */
export const publishedLists = (extra: PublishedItem[] = []) => ({
  listPublished: ({ query }: { query: { collection: string; scope?: string } }) => ({
    items: [...unitItems, ...memberItems, ...extra].filter((entry) => entry.collection === query.collection && (query.scope === undefined || entry.scope === query.scope)),
  }),
});

export const request = (patch: Partial<RequestSummary> = {}): RequestSummary =>
  consoleRoutes.request.response.shape.request.parse({
    id: uuid(),
    stationId: 'east-gate',
    communityId: COMMUNITY,
    number: '0302001',
    kind: 'complaint',
    category: 'home-repair',
    status: 'submitted',
    submittedAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-02T01:00:00.000Z',
    dispatchedTo: null,
    takenBy: null,
    rating: null,
    doneAt: null,
    dueAt: '2026-03-05T01:00:00.000Z',
    overdue: false,
    ...patch,
  });

export const detailOf = (summary: RequestSummary, patch: Partial<RequestDetail> = {}): RequestDetail =>
  consoleRoutes.request.response.parse({
    request: summary,
    phrases: ['water-leak'],
    text: '5号楼1单元，厨房水槽下面',
    contact: { name: '王**', phone: '138****5678' },
    timeline: [
      { id: uuid(), type: 'submit', actor: 'resident', at: summary.submittedAt, receivedAt: summary.submittedAt, clockSkewMs: null, source: 'kiosk', memberId: null, unitId: null, target: null, note: null, rating: null, staff: null },
    ],
    projectIds: [],
    sameNumber: [],
    ...patch,
  });
