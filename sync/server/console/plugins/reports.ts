import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { dayRangeQuery } from '../../../protocol/console/common.ts';
import { MAX_VISIT_LOG_DAYS } from '../../../protocol/console/reports.ts';
import { daysOfMonth } from '../../../protocol/console/rotation.ts';
import { addDays, CHINA_UTC_OFFSET_MINUTES, instantOf } from '../../../protocol/roster.ts';
import { hoursCsv, referralsCsv, requestsCsv, servicesCsv, visitLogCsv, visitsCsv } from '../csv-reports.ts';
import { badRequest, notFound } from '../errors.ts';
import { hoursReport, monthBounds, type MonthSessions, sessionsBetween, toSessionView } from '../hours.ts';
import { referralsReport, type ReportRange, requestsReport, servicesReport, visitsReport } from '../reports.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { type ConsoleScope, stationFilter } from '../scope.ts';

/** The stations a report covers: one station or one community in scope (404 otherwise), or all in scope. */
const stationsOf = (mine: ConsoleScope, where: { communityId?: string | undefined; stationId?: string | undefined }): string[] | null => {
  if (where.stationId !== undefined) {
    if (!mine.stationIds.has(where.stationId)) throw notFound(`station ${where.stationId}`);
    return [where.stationId];
  }
  if (where.communityId !== undefined) {
    if (!mine.communityIds.has(where.communityId)) throw notFound(`community ${where.communityId}`);
    return mine.stations.filter((s) => s.communityId === where.communityId).map((s) => s.id);
  }
  return stationFilter(mine);
};

export const sendCsv = (reply: FastifyReply, name: string, text: string): string => {
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  return text;
};

/**
 * Reports (GET, from counters), volunteer hours (computed per month with hours.ts, and staff reviews of them),
 * the monthly report of a community, and every report as CSV.
 */
export const reportsPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage, now } = deps;

  const rangeOf = (mine: ConsoleScope, query: { from: string; to: string; communityId?: string | undefined; stationId?: string | undefined }): ReportRange => ({
    from: query.from,
    to: query.to,
    stationIds: stationsOf(mine, query),
  });

  consoleRoute(app, deps, 'visitsReport', async ({ query, scope }) => visitsReport(storage, rangeOf(await scope(), query)));
  consoleRoute(app, deps, 'servicesReport', async ({ query, scope }) => servicesReport(storage, rangeOf(await scope(), query)));
  consoleRoute(app, deps, 'referralsReport', async ({ query, scope }) => referralsReport(storage, rangeOf(await scope(), query)));
  consoleRoute(app, deps, 'requestsReport', async ({ query, scope }) => requestsReport(storage, rangeOf(await scope(), query)));

  /** A month's sessions in scope; a unit lead's are their unit's members' only. */
  const monthSessions = async (mine: ConsoleScope, month: string, where: { communityId?: string | undefined; stationId?: string | undefined }): Promise<MonthSessions> => {
    const stations = stationsOf(mine, where) ?? [...mine.stationIds];
    const { fromMs, toMs } = monthBounds(month);
    const result = await sessionsBetween(storage, mine, stations, fromMs, toMs, now());
    if (!mine.unit) return result;
    const unitId = mine.unit.unitId;
    return { ...result, sessions: result.sessions.filter((s) => s.memberId !== null && result.members.get(s.memberId)?.unitId === unitId) };
  };

  consoleRoute(app, deps, 'hoursReport', async ({ query, scope }) => hoursReport(query.month, await monthSessions(await scope(), query.month, query)));

  consoleRoute(app, deps, 'hoursSessions', async ({ query, scope }) => {
    const { sessions, reviews } = await monthSessions(await scope(), query.month, query);
    return {
      sessions: sessions
        .filter((s) => (query.memberId === undefined || s.memberId === query.memberId) && (query.needsReview === undefined || s.needsReview))
        .map((s) => toSessionView(s, reviews)),
    };
  });

  consoleRoute(app, deps, 'reviewHours', async ({ body, scope, audit }) => {
    const mine = await scope();
    const signIn = await storage.getShiftSignIn(body.signInId);
    if (!signIn || !mine.stationIds.has(signIn.stationId)) throw notFound('such shift');
    await storage.addHoursReview(
      {
        signInId: body.signInId,
        stationId: signIn.stationId,
        decision: body.decision,
        start: body.decision === 'correct' ? body.start : null,
        end: body.decision === 'correct' ? body.end : null,
        reason: body.reason,
      },
      audit,
    );
    const at = Date.parse(signIn.at);
    const { sessions, reviews } = await sessionsBetween(storage, mine, [signIn.stationId], at, at + 1, now());
    const session = sessions.find((s) => s.signInId === body.signInId);
    if (!session) throw notFound('such shift');
    return { session: toSessionView(session, reviews) };
  });

  consoleRoute(app, deps, 'monthlyReport', async ({ query, scope }) => {
    const mine = await scope();
    const community = mine.communities.find((c) => c.id === query.communityId);
    if (!community || !mine.communityIds.has(community.id)) throw notFound(`community ${query.communityId}`);
    const days = daysOfMonth(query.month);
    const range: ReportRange = { from: days[0]!, to: days.at(-1)!, stationIds: stationsOf(mine, { communityId: community.id }) };
    const [visits, services, referrals, requests, sessions] = await Promise.all([
      visitsReport(storage, range),
      servicesReport(storage, range),
      referralsReport(storage, range),
      requestsReport(storage, range),
      monthSessions(mine, query.month, { communityId: community.id }),
    ]);
    return {
      community,
      month: query.month,
      stations: mine.stations.filter((s) => s.communityId === community.id).map((s) => ({ id: s.id, name: s.name })),
      visits,
      services,
      referrals,
      requests,
      hours: hoursReport(query.month, sessions),
      generatedAt: now().toISOString(),
    };
  });

  consoleRoute(app, deps, 'reportCsv', async ({ params, query, scope, reply }) => {
    const mine = await scope();
    const names = new Map(mine.stations.map((s) => [s.id, s.name] as const));
    if (params.report === 'hours') {
      if (query.month === undefined) throw badRequest('the hours export is for one month', 'month');
      return sendCsv(reply, `yizhan-hours-${query.month}`, hoursCsv(query.lang, hoursReport(query.month, await monthSessions(mine, query.month, query))));
    }
    if (mine.unit) throw notFound(`report ${params.report}`);
    const days = dayRangeQuery.safeParse({ from: query.from, to: query.to });
    if (!days.success) throw badRequest('from and to (local days, at most a year apart)', 'from');
    const range = rangeOf(mine, { ...query, ...days.data });
    const name = `yizhan-${params.report}-${range.from}-${range.to}`;
    switch (params.report) {
      case 'visits': {
        const rows = await storage.sumCounts({ metrics: ['visit'], stationIds: range.stationIds, from: range.from, to: range.to, by: ['day', 'station', 'key'] });
        return sendCsv(reply, name, visitsCsv(query.lang, rows, names));
      }
      case 'services':
        return sendCsv(reply, name, servicesCsv(query.lang, await servicesReport(storage, range)));
      case 'referrals':
        return sendCsv(reply, name, referralsCsv(query.lang, await referralsReport(storage, range)));
      case 'requests':
        return sendCsv(reply, name, requestsCsv(query.lang, await requestsReport(storage, range)));
      case 'visit-log': {
        if (daysOfRange(range) > MAX_VISIT_LOG_DAYS) throw badRequest(`the visit log exports at most ${MAX_VISIT_LOG_DAYS} days at once`, 'to');
        const fromMs = instantOf(range.from, 0, CHINA_UTC_OFFSET_MINUTES);
        const toMs = instantOf(addDays(range.to, 1), 0, CHINA_UTC_OFFSET_MINUTES);
        const rows = await storage.visitLog({ stationIds: range.stationIds ?? [...mine.stationIds], fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() });
        return sendCsv(reply, name, visitLogCsv(query.lang, rows, names));
      }
    }
  });
};

const daysOfRange = (range: ReportRange): number => Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
