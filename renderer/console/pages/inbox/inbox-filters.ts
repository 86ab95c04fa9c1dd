import { type RequestKind, requestKinds } from '@protocol/records.ts';
import { type RequestStatus, requestStatuses } from '@protocol/request-state.ts';
import type { InboxQuery } from '@protocol/console/dispatch.ts';
import { isRequestNumber } from '@shared/format/request-number.ts';

/**
 * The inbox's filters as they live in the address (?status=…&kind=…), so a reload, the back button and a link
 * sent to a colleague all show the same list; and the API query they ask for.
 */
export const agePresets = ['any', 'today', 'over-1d', 'over-3d', 'over-7d'] as const;
export type AgePreset = (typeof agePresets)[number];

export interface InboxFilters {
  statuses: RequestStatus[];
  kinds: RequestKind[];
  stationId: string;
  communityId: string;
  age: AgePreset;
  overdue: boolean;
  sort: 'newest' | 'oldest';
}

const ageHours: Record<AgePreset, { minAgeHours?: number; maxAgeHours?: number }> = {
  any: {},
  today: { maxAgeHours: 24 },
  'over-1d': { minAgeHours: 24 },
  'over-3d': { minAgeHours: 72 },
  'over-7d': { minAgeHours: 168 },
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): value is T => value !== null && (allowed as readonly string[]).includes(value);

export const readInboxFilters = (query: URLSearchParams): InboxFilters => {
  const age = query.get('age');
  return {
    statuses: query.getAll('status').filter((value): value is RequestStatus => oneOf(requestStatuses, value)),
    kinds: query.getAll('kind').filter((value): value is RequestKind => oneOf(requestKinds, value)),
    stationId: query.get('station') ?? '',
    communityId: query.get('community') ?? '',
    age: oneOf(agePresets, age) ? age : 'any',
    overdue: query.get('overdue') === 'true',
    sort: query.get('sort') === 'oldest' ? 'oldest' : 'newest',
  };
};

export const writeInboxFilters = (filters: InboxFilters): URLSearchParams => {
  const query = new URLSearchParams();
  for (const status of filters.statuses) query.append('status', status);
  for (const kind of filters.kinds) query.append('kind', kind);
  if (filters.stationId) query.set('station', filters.stationId);
  if (filters.communityId) query.set('community', filters.communityId);
  if (filters.age !== 'any') query.set('age', filters.age);
  if (filters.overdue) query.set('overdue', 'true');
  if (filters.sort !== 'newest') query.set('sort', filters.sort);
  return query;
};

export const inboxQuery = (filters: InboxFilters, cursor?: string): InboxQuery => ({
  ...(filters.statuses.length ? { status: filters.statuses } : {}),
  ...(filters.kinds.length ? { kind: filters.kinds } : {}),
  ...(filters.stationId ? { stationId: [filters.stationId] } : {}),
  ...(filters.communityId ? { communityId: filters.communityId } : {}),
  ...ageHours[filters.age],
  ...(filters.overdue ? { overdue: 'true' as const } : {}),
  sort: filters.sort,
  ...(cursor ? { cursor } : {}),
});

/** What staff type to find a request: its number, as printed on the receipt (2475-740) or not. */
export const receiptNumberOf = (typed: string): string | null => {
  const digits = typed.replace(/[\s-]/g, '');
  return isRequestNumber(digits) ? digits : null;
};
