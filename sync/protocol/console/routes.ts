import { z } from 'zod';
import { auditCsvQuerySchema, auditListSchema, auditQuerySchema } from './audit.ts';
import { CONSOLE_API_PREFIX, okSchema } from './common.ts';
import {
  byNumberParams,
  byNumberResponseSchema,
  inboxQuerySchema,
  inboxResponseSchema,
  requestActionResponseSchema,
  requestActionSchema,
  requestDetailSchema,
  requestParams,
  revealContactResponseSchema,
} from './dispatch.ts';
import {
  communityParams,
  communitySchema,
  createCommunityRequestSchema,
  createStationRequestSchema,
  createSubdistrictRequestSchema,
  organisationSchema,
  stationParams,
  stationSchema,
  subdistrictParams,
  subdistrictSchema,
  updateCommunityRequestSchema,
  updateStationRequestSchema,
  updateSubdistrictRequestSchema,
} from './organisation.ts';
import {
  createProjectRequestSchema,
  overviewQuerySchema,
  overviewSchema,
  projectListQuerySchema,
  projectListSchema,
  projectParams,
  projectResponseSchema,
  updateProjectRequestSchema,
} from './projects.ts';
import {
  memberCredentialsListSchema,
  memberCredentialsQuerySchema,
  publishListQuerySchema,
  publishListSchema,
  publishPutRequestSchema,
  publishPutResponseSchema,
  publishWithdrawRequestSchema,
  setMemberCredentialsRequestSchema,
  setMemberCredentialsResponseSchema,
} from './publish.ts';
import {
  csvQuerySchema,
  csvReportParams,
  hoursQuerySchema,
  hoursReportSchema,
  monthlyReportQuerySchema,
  monthlyReportSchema,
  referralsReportSchema,
  reportQuerySchema,
  requestsReportSchema,
  reviewRequestSchema,
  reviewResponseSchema,
  servicesReportSchema,
  sessionsQuerySchema,
  sessionsResponseSchema,
  visitsReportSchema,
} from './reports.ts';
import {
  generateRotationRequestSchema,
  generateRotationResponseSchema,
  rosterQuerySchema,
  rosterResponseSchema,
  rotationTemplateResponseSchema,
  saveRotationTemplateRequestSchema,
} from './rotation.ts';
import {
  changePasswordRequestSchema,
  createStaffRequestSchema,
  loginRequestSchema,
  resetPasswordRequestSchema,
  sessionSchema,
  sessionsEndedSchema,
  staffListQuerySchema,
  staffListSchema,
  staffParams,
  type StaffRoleKind,
  staffSchema,
  updateStaffRequestSchema,
} from './session.ts';
import {
  deadLetterListSchema,
  deadLetterQuerySchema,
  enrolmentCodeRequestSchema,
  enrolmentCodeResponseSchema,
  enrolmentSheetRequestSchema,
  enrolmentSheetResponseSchema,
  resolveDeadLetterRequestSchema,
  resolveDeadLetterResponseSchema,
  revokeStationResponseSchema,
  rotateStationTokenResponseSchema,
  stationHealthListSchema,
  stationHealthQuerySchema,
} from './stations.ts';

/**
 * Every console API route, by name, in one typed map (as wire.ts's `messages` for the kiosk): method, path
 * (relative to /console/api, `:name` for a path parameter), the schemas of its params, query, body and answer,
 * and the roles that may call it. The server registers exactly these routes with these schemas; the console's
 * client derives its calls from them, so neither end can name a route that does not exist or send it the wrong
 * shape. Every error answer is consoleErrorBodySchema (common.ts).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface ConsoleRoute {
  method: HttpMethod;
  path: string;
  /** 'none': login only. Every other route needs a session; every non-GET one also the CSRF header. */
  auth: 'none' | 'session';
  /** Roles that may call it at all (scope is checked per object on top). */
  roles: readonly StaffRoleKind[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** What a 200 carries: JSON (default), a CSV file, or a server-sent event stream. */
  produces?: 'json' | 'csv' | 'event-stream';
}

const everyone = ['district-admin', 'subdistrict-staff', 'community-staff', 'unit-lead'] as const satisfies readonly StaffRoleKind[];
/** Staff of the organisation (not partner-unit leads). */
const staffOnly = ['district-admin', 'subdistrict-staff', 'community-staff'] as const satisfies readonly StaffRoleKind[];
const adminOnly = ['district-admin'] as const satisfies readonly StaffRoleKind[];
const adminOrSubdistrict = ['district-admin', 'subdistrict-staff'] as const satisfies readonly StaffRoleKind[];

const csvText = z.string();
const eventStream = z.string();

export const consoleRoutes = {
  // session
  login: { method: 'POST', path: '/session/login', auth: 'none', roles: everyone, body: loginRequestSchema, response: sessionSchema },
  session: { method: 'GET', path: '/session', auth: 'session', roles: everyone, response: sessionSchema },
  logout: { method: 'POST', path: '/session/logout', auth: 'session', roles: everyone, response: okSchema },
  logoutEverywhere: { method: 'POST', path: '/session/logout-everywhere', auth: 'session', roles: everyone, response: sessionsEndedSchema },
  changePassword: { method: 'POST', path: '/session/password', auth: 'session', roles: everyone, body: changePasswordRequestSchema, response: sessionsEndedSchema },

  // staff accounts
  listStaff: { method: 'GET', path: '/staff', auth: 'session', roles: staffOnly, query: staffListQuerySchema, response: staffListSchema },
  createStaff: { method: 'POST', path: '/staff', auth: 'session', roles: staffOnly, body: createStaffRequestSchema, response: z.object({ staff: staffSchema }) },
  updateStaff: { method: 'PATCH', path: '/staff/:staffId', auth: 'session', roles: staffOnly, params: staffParams, body: updateStaffRequestSchema, response: z.object({ staff: staffSchema }) },
  resetStaffPassword: { method: 'POST', path: '/staff/:staffId/password', auth: 'session', roles: staffOnly, params: staffParams, body: resetPasswordRequestSchema, response: sessionsEndedSchema },

  // organisation
  organisation: { method: 'GET', path: '/organisation', auth: 'session', roles: everyone, response: organisationSchema },
  createSubdistrict: { method: 'POST', path: '/subdistricts', auth: 'session', roles: adminOnly, body: createSubdistrictRequestSchema, response: z.object({ subdistrict: subdistrictSchema }) },
  updateSubdistrict: { method: 'PATCH', path: '/subdistricts/:subdistrictId', auth: 'session', roles: adminOrSubdistrict, params: subdistrictParams, body: updateSubdistrictRequestSchema, response: z.object({ subdistrict: subdistrictSchema }) },
  createCommunity: { method: 'POST', path: '/communities', auth: 'session', roles: adminOrSubdistrict, body: createCommunityRequestSchema, response: z.object({ community: communitySchema }) },
  updateCommunity: { method: 'PATCH', path: '/communities/:communityId', auth: 'session', roles: staffOnly, params: communityParams, body: updateCommunityRequestSchema, response: z.object({ community: communitySchema }) },
  createStation: { method: 'POST', path: '/stations', auth: 'session', roles: staffOnly, body: createStationRequestSchema, response: z.object({ station: stationSchema }) },
  updateStation: { method: 'PATCH', path: '/stations/:stationId', auth: 'session', roles: staffOnly, params: stationParams, body: updateStationRequestSchema, response: z.object({ station: stationSchema }) },

  // publish
  listPublished: { method: 'GET', path: '/publish', auth: 'session', roles: everyone, query: publishListQuerySchema, response: publishListSchema },
  putPublished: { method: 'PUT', path: '/publish', auth: 'session', roles: everyone, body: publishPutRequestSchema, response: publishPutResponseSchema },
  withdrawPublished: { method: 'POST', path: '/publish/withdraw', auth: 'session', roles: everyone, body: publishWithdrawRequestSchema, response: okSchema },
  memberCredentials: { method: 'GET', path: '/member-credentials', auth: 'session', roles: everyone, query: memberCredentialsQuerySchema, response: memberCredentialsListSchema },
  setMemberCredentials: { method: 'POST', path: '/member-credentials', auth: 'session', roles: everyone, body: setMemberCredentialsRequestSchema, response: setMemberCredentialsResponseSchema },
  roster: { method: 'GET', path: '/roster', auth: 'session', roles: everyone, query: rosterQuerySchema, response: rosterResponseSchema },
  rotationTemplate: { method: 'GET', path: '/roster/templates/:stationId', auth: 'session', roles: everyone, params: stationParams, response: rotationTemplateResponseSchema },
  saveRotationTemplate: { method: 'PUT', path: '/roster/templates/:stationId', auth: 'session', roles: staffOnly, params: stationParams, body: saveRotationTemplateRequestSchema, response: rotationTemplateResponseSchema },
  generateRotation: { method: 'POST', path: '/roster/generate', auth: 'session', roles: everyone, body: generateRotationRequestSchema, response: generateRotationResponseSchema },

  // dispatch
  inbox: { method: 'GET', path: '/requests', auth: 'session', roles: everyone, query: inboxQuerySchema, response: inboxResponseSchema },
  requestsByNumber: { method: 'GET', path: '/requests/by-number/:number', auth: 'session', roles: everyone, params: byNumberParams, response: byNumberResponseSchema },
  request: { method: 'GET', path: '/requests/:requestId', auth: 'session', roles: everyone, params: requestParams, response: requestDetailSchema },
  requestAction: { method: 'POST', path: '/requests/:requestId/actions', auth: 'session', roles: everyone, params: requestParams, body: requestActionSchema, response: requestActionResponseSchema },
  revealContact: { method: 'POST', path: '/requests/:requestId/contact', auth: 'session', roles: everyone, params: requestParams, response: revealContactResponseSchema },
  live: { method: 'GET', path: '/live', auth: 'session', roles: everyone, response: eventStream, produces: 'event-stream' },

  // service projects and the live counts
  overview: { method: 'GET', path: '/overview', auth: 'session', roles: everyone, query: overviewQuerySchema, response: overviewSchema },
  listProjects: { method: 'GET', path: '/projects', auth: 'session', roles: everyone, query: projectListQuerySchema, response: projectListSchema },
  createProject: { method: 'POST', path: '/projects', auth: 'session', roles: staffOnly, body: createProjectRequestSchema, response: projectResponseSchema },
  project: { method: 'GET', path: '/projects/:projectId', auth: 'session', roles: everyone, params: projectParams, response: projectResponseSchema },
  updateProject: { method: 'PATCH', path: '/projects/:projectId', auth: 'session', roles: staffOnly, params: projectParams, body: updateProjectRequestSchema, response: projectResponseSchema },

  // stations
  stationHealth: { method: 'GET', path: '/stations/health', auth: 'session', roles: staffOnly, query: stationHealthQuerySchema, response: stationHealthListSchema },
  enrolmentCode: { method: 'POST', path: '/stations/:stationId/enrolment-code', auth: 'session', roles: staffOnly, params: stationParams, body: enrolmentCodeRequestSchema, response: enrolmentCodeResponseSchema },
  enrolmentSheet: { method: 'POST', path: '/stations/enrolment-sheet', auth: 'session', roles: staffOnly, body: enrolmentSheetRequestSchema, response: enrolmentSheetResponseSchema },
  revokeStation: { method: 'POST', path: '/stations/:stationId/revoke', auth: 'session', roles: staffOnly, params: stationParams, response: revokeStationResponseSchema },
  rotateStationToken: { method: 'POST', path: '/stations/:stationId/rotate-token', auth: 'session', roles: staffOnly, params: stationParams, response: rotateStationTokenResponseSchema },
  deadLetters: { method: 'GET', path: '/dead-letters', auth: 'session', roles: staffOnly, query: deadLetterQuerySchema, response: deadLetterListSchema },
  resolveDeadLetter: { method: 'POST', path: '/dead-letters/resolve', auth: 'session', roles: staffOnly, body: resolveDeadLetterRequestSchema, response: resolveDeadLetterResponseSchema },

  // reports (a unit lead sees their unit's volunteer hours only)
  visitsReport: { method: 'GET', path: '/reports/visits', auth: 'session', roles: staffOnly, query: reportQuerySchema, response: visitsReportSchema },
  servicesReport: { method: 'GET', path: '/reports/services', auth: 'session', roles: staffOnly, query: reportQuerySchema, response: servicesReportSchema },
  referralsReport: { method: 'GET', path: '/reports/referrals', auth: 'session', roles: staffOnly, query: reportQuerySchema, response: referralsReportSchema },
  requestsReport: { method: 'GET', path: '/reports/requests', auth: 'session', roles: staffOnly, query: reportQuerySchema, response: requestsReportSchema },
  hoursReport: { method: 'GET', path: '/reports/hours', auth: 'session', roles: everyone, query: hoursQuerySchema, response: hoursReportSchema },
  monthlyReport: { method: 'GET', path: '/reports/monthly', auth: 'session', roles: staffOnly, query: monthlyReportQuerySchema, response: monthlyReportSchema },
  reportCsv: { method: 'GET', path: '/reports/:report/csv', auth: 'session', roles: everyone, params: csvReportParams, query: csvQuerySchema, response: csvText, produces: 'csv' },
  hoursSessions: { method: 'GET', path: '/hours/sessions', auth: 'session', roles: everyone, query: sessionsQuerySchema, response: sessionsResponseSchema },
  reviewHours: { method: 'POST', path: '/hours/reviews', auth: 'session', roles: staffOnly, body: reviewRequestSchema, response: reviewResponseSchema },

  // audit
  audit: { method: 'GET', path: '/audit', auth: 'session', roles: adminOnly, query: auditQuerySchema, response: auditListSchema },
  auditCsv: { method: 'GET', path: '/audit/csv', auth: 'session', roles: adminOnly, query: auditCsvQuerySchema, response: csvText, produces: 'csv' },
} as const satisfies Record<string, ConsoleRoute>;

export type ConsoleRouteName = keyof typeof consoleRoutes;
type RouteOf<K extends ConsoleRouteName> = (typeof consoleRoutes)[K];
type Part<R, P extends string> = R extends Record<P, infer S extends z.ZodType> ? z.input<S> : undefined;
type Parsed<R, P extends string> = R extends Record<P, infer S extends z.ZodType> ? z.output<S> : undefined;

/** What a caller sends: path params, query and body as the schemas take them in. */
export type ConsoleParams<K extends ConsoleRouteName> = Part<RouteOf<K>, 'params'>;
export type ConsoleQuery<K extends ConsoleRouteName> = Part<RouteOf<K>, 'query'>;
export type ConsoleBody<K extends ConsoleRouteName> = Part<RouteOf<K>, 'body'>;
/** What the server's handler gets after validation. */
export type ConsoleParsedQuery<K extends ConsoleRouteName> = Parsed<RouteOf<K>, 'query'>;
export type ConsoleParsedBody<K extends ConsoleRouteName> = Parsed<RouteOf<K>, 'body'>;
export type ConsoleParsedParams<K extends ConsoleRouteName> = Parsed<RouteOf<K>, 'params'>;
export type ConsoleResponse<K extends ConsoleRouteName> = z.output<RouteOf<K>['response']>;

/** The absolute path of a route with its parameters filled in (encoded). */
export const consolePath = <K extends ConsoleRouteName>(name: K, params?: Record<string, string>): string =>
  CONSOLE_API_PREFIX +
  consoleRoutes[name].path.replace(/:([A-Za-z]+)/g, (_match, key: string) => {
    const value = params?.[key];
    if (value === undefined) throw new Error(`route ${name} needs the parameter ${key}`);
    return encodeURIComponent(value);
  });

/** A query string for a route's query (lists repeat the key; undefined is left out), with its leading "?". */
export const consoleQueryString = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};
