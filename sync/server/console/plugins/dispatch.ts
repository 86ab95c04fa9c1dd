import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { DEFAULT_TARGET_HOURS } from '../../../protocol/console/organisation.ts';
import { newId } from '../../../protocol/ids.ts';
import type { RequestEventType } from '../../../protocol/records.ts';
import { applyRequestEvent, type RequestStatus, type TransitionRefusal } from '../../../protocol/request-state.ts';
import type { CentreRequestEvent } from '../../storage/types.ts';
import type { InboxFilter } from '../../storage/console/types.ts';
import { badRequest, ConsoleError, forbidden, notFound } from '../errors.ts';
import { contactOf, toDetail, toSummary, visibleRequest } from '../request-views.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { type ConsoleScope, stationFilter } from '../scope.ts';
import { membersIn, readerScopes } from './publish.ts';

const HOUR_MS = 3_600_000;

const cursorSchema = z.object({ s: z.iso.datetime(), i: z.string().min(1).max(64) });
const encodeCursor = (row: { submittedAt: string; id: string }): string => Buffer.from(JSON.stringify({ s: row.submittedAt, i: row.id })).toString('base64url');
const decodeCursor = (cursor: string): { submittedAt: string; id: string } => {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { submittedAt: parsed.s, id: parsed.i };
  } catch {
    throw badRequest('not a cursor of this inbox', 'cursor');
  }
};

/** Open requests past the due time of their station's community: one threshold per target. */
const overdueGroups = (scope: ConsoleScope, stationIds: readonly string[], now: Date): NonNullable<InboxFilter['overdue']> => {
  const byHours = new Map<number, string[]>();
  for (const stationId of stationIds) {
    const communityId = scope.stations.find((s) => s.id === stationId)?.communityId ?? null;
    const hours = scope.communities.find((c) => c.id === communityId)?.targetHours ?? DEFAULT_TARGET_HOURS;
    byHours.set(hours, [...(byHours.get(hours) ?? []), stationId]);
  }
  return [...byHours].map(([hours, ids]) => ({ stationIds: ids, submittedBefore: new Date(now.getTime() - hours * HOUR_MS).toISOString() }));
};

/** Steps a partner-unit lead may take on a request dispatched to their unit. */
const UNIT_LEAD_STEPS: readonly RequestEventType[] = ['take', 'complete', 'handover', 'note'];

/**
 * The request loop at the centre. The inbox lists the requests of the stations in scope (a unit lead: those
 * dispatched to the unit), newest or oldest first, in keyset pages. A step goes through the shared state machine
 * in the storage transaction: 409 `refused` with the machine's reason when it says no. A request outside the
 * caller's scope is 404 on every route, exactly as a request that does not exist.
 */
export const dispatchPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage, now } = deps;

  const baseFilter = (mine: ConsoleScope, communityId?: string, stationIds?: string[]): InboxFilter => {
    let stations = stationFilter(mine);
    if (communityId !== undefined) stations = mine.stations.filter((s) => s.communityId === communityId && mine.stationIds.has(s.id)).map((s) => s.id);
    if (stationIds !== undefined) stations = (stations ?? [...mine.stationIds]).filter((id) => stationIds.includes(id));
    return { stationIds: stations, ...(mine.unit ? { unitId: mine.unit.unitId } : {}) };
  };

  consoleRoute(app, deps, 'inbox', async ({ query, scope }) => {
    const mine = await scope();
    const at = now();
    const base = baseFilter(mine, query.communityId, query.stationId);
    const inScope = base.stationIds ?? [...mine.stationIds];
    const filter: InboxFilter = {
      ...base,
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.kind ? { kinds: query.kind } : {}),
      ...(query.unitId !== undefined && !mine.unit ? { unitId: query.unitId } : {}),
      ...(query.minAgeHours !== undefined ? { submittedBefore: new Date(at.getTime() - query.minAgeHours * HOUR_MS).toISOString() } : {}),
      ...(query.maxAgeHours !== undefined ? { submittedAfter: new Date(at.getTime() - query.maxAgeHours * HOUR_MS).toISOString() } : {}),
      ...(query.overdue ? { overdue: overdueGroups(mine, inScope, at) } : {}),
    };
    const rows = await storage.queryInbox({ ...filter, sort: query.sort, limit: query.limit + 1, ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}) });
    const page = rows.slice(0, query.limit);
    const overdueCount = await storage.countRequests({ ...baseFilter(mine), overdue: overdueGroups(mine, [...mine.stationIds], at) });
    return {
      requests: page.map((row) => toSummary(mine, row, at)),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
      overdueCount,
    };
  });

  consoleRoute(app, deps, 'requestsByNumber', async ({ params, scope }) => {
    const mine = await scope();
    const rows = await storage.queryInbox({ ...baseFilter(mine), number: params.number, sort: 'newest', limit: 50 });
    return { requests: rows.map((row) => toSummary(mine, row, now())) };
  });

  const visible = async (mine: ConsoleScope, requestId: string) => {
    const detail = await storage.getRequestDetail(requestId);
    if (!detail || !visibleRequest(mine, detail.request)) throw notFound('such request');
    return detail;
  };

  consoleRoute(app, deps, 'request', async ({ params, scope }) => {
    const mine = await scope();
    return toDetail(mine, await visible(mine, params.requestId), now());
  });

  consoleRoute(app, deps, 'revealContact', async ({ params, scope, audit }) => {
    const mine = await scope();
    const detail = await visible(mine, params.requestId);
    const contact = contactOf(detail.payload) ?? { name: null, phone: null };
    await storage.appendAudit({ ...audit, action: 'request.reveal-contact', targetType: 'request', targetId: params.requestId, before: null, after: { name: contact.name !== null, phone: contact.phone !== null } });
    return contact;
  });

  consoleRoute(app, deps, 'requestAction', async ({ params, body, scope, session, audit }) => {
    const mine = await scope();
    const detail = await visible(mine, params.requestId);
    const request = detail.request;
    if (mine.unit && !UNIT_LEAD_STEPS.includes(body.type)) throw forbidden('a unit lead takes, completes, hands over and notes requests dispatched to the unit');

    const event: CentreRequestEvent = { id: newId(), requestId: request.id, type: body.type, actor: 'centre', ...(body.note ? { note: body.note } : {}) };
    let dispatchedUnit: string | null = null;
    if (body.type === 'dispatch') {
      const scopes = readerScopes(mine, request.stationId);
      if (body.target.type === 'member') {
        const member = (await membersIn(storage, scopes)).get(body.target.memberId);
        if (!member) throw badRequest(`no member ${body.target.memberId} at this station`, 'target.memberId');
        dispatchedUnit = member.unitId;
      } else {
        const units = await storage.listCentreItems({ collection: 'units', scopes });
        if (!units.some((unit) => unit.id === (body.target as { unitId: string }).unitId)) throw badRequest(`no partner unit ${body.target.unitId} at this station`, 'target.unitId');
        dispatchedUnit = body.target.unitId;
      }
      event.target = body.target;
    }
    if (body.type === 'take') {
      const taker = mine.unit ? { type: 'unit' as const, unitId: mine.unit.unitId } : body.for;
      if (taker?.type === 'unit') event.unitId = taker.unitId;
      if (taker?.type === 'member') event.memberId = taker.memberId;
    }
    event.console = { staffId: session.staff.id, dispatchedUnit, audit };

    let from: RequestStatus | null = null;
    const result = await storage.appendCentreRequestEvent({
      event,
      now: audit.now,
      validate: (status) => {
        from = status;
        const step = applyRequestEvent(status, { type: body.type, actor: 'centre' });
        return step.ok ? step : { ok: false, reason: step.reason };
      },
    });
    if (!result.ok) {
      if (result.reason === 'unknown-request') throw notFound('such request');
      const reason: TransitionRefusal = result.reason;
      throw new ConsoleError(409, 'refused', `the request loop refuses ${body.type} now: ${reason}`, { refusal: { reason, from, event: body.type } });
    }
    return toDetail(mine, await visible(mine, request.id), now());
  });
};
