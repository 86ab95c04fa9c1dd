import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '../../../sync/protocol/console/common.ts';
import { type ConsoleRouteName, consolePath, consoleQueryString } from '../../../sync/protocol/console/routes.ts';
import type { Session } from '../../../sync/protocol/console/session.ts';
import { SESSION_COOKIE } from '../../../sync/server/console/session-auth.ts';
import { PASSWORD } from './district.ts';

/**
 * The console's API calls as its pages make them (renderer/console/pages), through the real Fastify app with a
 * signed-in staff member's cookie, timed in process around app.inject: the server's time, no network.
 */
export interface PageCall {
  /** What the table shows, e.g. "inbox, first page". */
  label: string;
  route: ConsoleRouteName;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  /** The aim this call is judged by at p95, ms. */
  aimMs: number;
}

export interface Client {
  get(call: PageCall): Promise<{ ms: number; bytes: number }>;
}

export const signIn = async (app: FastifyInstance, login: string): Promise<Client> => {
  const response = await app.inject({ method: 'POST', url: consolePath('login'), headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login, password: PASSWORD }) });
  if (response.statusCode !== 200) throw new Error(`login ${login}: ${response.statusCode} ${response.body}`);
  const session = response.json() as Session;
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header ?? '']).find((line) => line.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
  if (!cookie) throw new Error(`login ${login}: no session cookie`);
  return {
    async get(call) {
      const url = consolePath(call.route, call.params) + consoleQueryString(call.query);
      const t0 = performance.now();
      const answer = await app.inject({ method: 'GET', url, headers: { cookie, [CSRF_HEADER]: session.csrfToken } });
      const ms = performance.now() - t0;
      if (answer.statusCode !== 200) throw new Error(`${call.label}: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
      return { ms, bytes: answer.rawPayload.length };
    },
  };
};

const PAGE_MS = 100;
const EXPORT_MS = 2000;

/** The district admin's pages: the inbox, the dashboard, the health board, every report for a month and a year, and each report's CSV for the month. */
export const adminCalls = (o: { month: string; monthFrom: string; monthTo: string; yearFrom: string; yearTo: string; community: string }): PageCall[] => {
  const month = { from: o.monthFrom, to: o.monthTo };
  const year = { from: o.yearFrom, to: o.yearTo };
  const reports = (['visitsReport', 'servicesReport', 'referralsReport', 'requestsReport'] as const).flatMap((route) => [
    { label: `${route.replace('Report', '')} report, month`, route, query: month, aimMs: PAGE_MS },
    { label: `${route.replace('Report', '')} report, year`, route, query: year, aimMs: PAGE_MS },
  ]);
  return [
    { label: 'inbox, first page (default filters)', route: 'inbox', query: { sort: 'newest' }, aimMs: PAGE_MS },
    { label: 'inbox, filtered (open, wish+dream, older than 3 days)', route: 'inbox', query: { status: ['submitted', 'dispatched', 'taken'], kind: ['wish', 'dream'], minAgeHours: 72, sort: 'oldest' }, aimMs: PAGE_MS },
    { label: 'inbox, one community, overdue', route: 'inbox', query: { communityId: o.community, overdue: 'true', sort: 'oldest' }, aimMs: PAGE_MS },
    { label: 'dashboard: overview counts', route: 'overview', aimMs: PAGE_MS },
    { label: 'dashboard: overdue (inbox, limit 1)', route: 'inbox', query: { overdue: 'true', limit: 1 }, aimMs: PAGE_MS },
    { label: 'stations health board', route: 'stationHealth', aimMs: PAGE_MS },
    ...reports,
    { label: 'hours report, month', route: 'hoursReport', query: { month: o.month }, aimMs: PAGE_MS },
    { label: 'hours review queue, month', route: 'hoursSessions', query: { month: o.month, needsReview: 'true' }, aimMs: PAGE_MS },
    { label: 'monthly report of a community', route: 'monthlyReport', query: { communityId: o.community, month: o.month }, aimMs: PAGE_MS },
    ...(['visits', 'services', 'referrals', 'requests'] as const).map((report) => ({ label: `CSV ${report}, month`, route: 'reportCsv' as const, params: { report }, query: month, aimMs: EXPORT_MS })),
    { label: 'CSV hours, month', route: 'reportCsv', params: { report: 'hours' }, query: { month: o.month }, aimMs: EXPORT_MS },
    { label: 'CSV visit log (every visit), month', route: 'reportCsv', params: { report: 'visit-log' }, query: month, aimMs: EXPORT_MS },
  ];
};

/** Community staff: their 10 stations, which the queries reach through other plans than the whole district. */
export const communityCalls = (o: { month: string; monthFrom: string; monthTo: string; yearFrom: string; yearTo: string }): PageCall[] => [
  { label: 'inbox, first page (default filters)', route: 'inbox', query: { sort: 'newest' }, aimMs: PAGE_MS },
  { label: 'inbox, filtered (open, older than 3 days)', route: 'inbox', query: { status: ['submitted', 'dispatched', 'taken'], minAgeHours: 72, sort: 'oldest' }, aimMs: PAGE_MS },
  { label: 'dashboard: overview counts', route: 'overview', aimMs: PAGE_MS },
  { label: 'visits report, month', route: 'visitsReport', query: { from: o.monthFrom, to: o.monthTo }, aimMs: PAGE_MS },
  { label: 'visits report, year', route: 'visitsReport', query: { from: o.yearFrom, to: o.yearTo }, aimMs: PAGE_MS },
  { label: 'requests report, year', route: 'requestsReport', query: { from: o.yearFrom, to: o.yearTo }, aimMs: PAGE_MS },
  { label: 'hours report, month', route: 'hoursReport', query: { month: o.month }, aimMs: PAGE_MS },
  { label: 'CSV visit log (every visit), month', route: 'reportCsv', params: { report: 'visit-log' }, query: { from: o.monthFrom, to: o.monthTo }, aimMs: EXPORT_MS },
];
