import { DEFAULT_TARGET_HOURS } from '../../protocol/console/organisation.ts';
import { openStatuses, type RequestDetail, type RequestSummary, type TimelineEntry } from '../../protocol/console/dispatch.ts';
import { maskName, maskPhone } from '../../protocol/masking.ts';
import type { RequestEvent, RequestTarget } from '../../protocol/records.ts';
import type { RequestDetailRow, RequestRow } from '../storage/console/types.ts';
import type { ConsoleScope } from './scope.ts';

/**
 * The console's views of a request: its summary with the community's due time, and its detail with the
 * timeline and the contact masked. Who may see which request is decided here too (visibleRequest).
 */
const HOUR_MS = 3_600_000;

/** The target hours of a station's community (the default for a station outside any community). */
export const targetHoursOf = (scope: ConsoleScope, stationId: string): number => {
  const communityId = scope.stations.find((s) => s.id === stationId)?.communityId ?? null;
  return scope.communities.find((c) => c.id === communityId)?.targetHours ?? DEFAULT_TARGET_HOURS;
};

export const isOpen = (status: RequestRow['status']): boolean => status !== null && (openStatuses as readonly string[]).includes(status);

export const toSummary = (scope: ConsoleScope, row: RequestRow, now: Date): RequestSummary => {
  const dueAt = Date.parse(row.submittedAt) + targetHoursOf(scope, row.stationId) * HOUR_MS;
  return {
    id: row.id,
    stationId: row.stationId,
    communityId: scope.stations.find((s) => s.id === row.stationId)?.communityId ?? null,
    number: row.number,
    kind: row.kind,
    category: row.category,
    status: row.status,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    dispatchedTo: row.dispatchedTo,
    takenBy: row.takenBy,
    rating: row.rating,
    doneAt: row.doneAt,
    dueAt: new Date(dueAt).toISOString(),
    overdue: isOpen(row.status) && now.getTime() > dueAt,
  };
};

/** A request is visible to staff of its station's scope; to a unit lead only once dispatched to (or taken by) their unit. */
export const visibleRequest = (scope: ConsoleScope, row: RequestRow): boolean => {
  if (!scope.stationIds.has(row.stationId)) return false;
  if (!scope.unit) return true;
  const takenByUnit = row.takenBy?.type === 'unit' && row.takenBy.unitId === scope.unit.unitId;
  return row.dispatchedUnit === scope.unit.unitId || takenByUnit;
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const targetOf = (value: unknown): RequestTarget | null => (value && typeof value === 'object' ? (value as RequestTarget) : null);

export const toTimelineEntry = (row: RequestDetailRow['timeline'][number]): TimelineEntry => {
  const event = row.event as Partial<RequestEvent>;
  return {
    id: row.id,
    type: event.type!,
    actor: event.actor!,
    at: new Date(Date.parse(event.at ?? row.receivedAt)).toISOString(),
    receivedAt: row.receivedAt,
    clockSkewMs: typeof event.clockSkewMs === 'number' ? event.clockSkewMs : null,
    source: row.source,
    memberId: text(event.memberId),
    unitId: text(event.unitId),
    target: targetOf(event.target),
    note: text(event.note),
    rating: typeof event.rating === 'number' ? event.rating : null,
    staff: row.staff,
  };
};

/** The resident's contact as stored (full), or null. */
export const contactOf = (payload: Record<string, unknown> | null): { name: string | null; phone: string | null } | null => {
  const contact = payload?.contact as { name?: unknown; phone?: unknown } | undefined;
  if (!contact) return null;
  return { name: text(contact.name), phone: text(contact.phone) };
};

export const toDetail = (scope: ConsoleScope, row: RequestDetailRow, now: Date): RequestDetail => {
  const contact = contactOf(row.payload);
  return {
    request: toSummary(scope, row.request, now),
    phrases: Array.isArray(row.payload?.phrases) ? (row.payload.phrases as unknown[]).filter((p): p is string => typeof p === 'string') : [],
    text: text(row.payload?.text),
    contact: contact && { name: contact.name && maskName(contact.name), phone: contact.phone && maskPhone(contact.phone) },
    timeline: row.timeline.map(toTimelineEntry),
    projectIds: row.projectIds,
    sameNumber: row.sameNumber,
  };
};
