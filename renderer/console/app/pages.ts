import type { ConsoleRouteName } from '@protocol/console/routes.ts';
import type { StaffRoleKind } from '@protocol/console/session.ts';
import { consoleRoutes } from '@protocol/console/routes.ts';
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import { matchPath } from './router.tsx';

/** A page is given its path parameters; everything else it reads from the API and the query. */
export type PageProps = { params: Record<string, string> };

export const sections = ['work', 'publish', 'stations', 'reports', 'admin'] as const;
export type Section = (typeof sections)[number];

export interface PageDef {
  id: string;
  path: string;
  /** Where the page sits in the navigation; null: reached from another page (a request, the printed report). */
  section: Section | null;
  /** The API route the page stands on: who may call it may see the page. */
  route: ConsoleRouteName;
  component: LazyExoticComponent<ComponentType<PageProps>>;
  /** Narrower than the route's roles: a partner-unit lead may read published items, but edits only their unit's. */
  roles?: readonly StaffRoleKind[];
}

const page = (
  id: string,
  path: string,
  section: Section | null,
  route: ConsoleRouteName,
  load: () => Promise<{ default: ComponentType<PageProps> }>,
  roles?: readonly StaffRoleKind[],
): PageDef => ({ id, path, section, route, component: lazy(load), roles });

const staffOnly: readonly StaffRoleKind[] = ['district-admin', 'subdistrict-staff', 'community-staff'];

/** Every page of the console, in navigation order. Each is its own chunk, loaded when first opened. */
export const pages: readonly PageDef[] = [
  page('dashboard', '/', 'work', 'overview', () => import('../pages/dashboard/DashboardPage.tsx')),
  page('inbox', '/inbox', 'work', 'inbox', () => import('../pages/inbox/InboxPage.tsx')),
  page('request', '/requests/:requestId', null, 'request', () => import('../pages/request/RequestPage.tsx')),
  page('projects', '/projects', 'work', 'listProjects', () => import('../pages/projects/ProjectsPage.tsx')),
  page('services', '/publish/services', 'publish', 'listPublished', () => import('../pages/publish/ServicesPage.tsx'), staffOnly),
  page('settings', '/publish/stations', 'publish', 'putPublished', () => import('../pages/publish/StationSettingsPage.tsx'), staffOnly),
  page('members', '/publish/members', 'publish', 'listPublished', () => import('../pages/publish/MembersPage.tsx')),
  page('units', '/publish/units', 'publish', 'listPublished', () => import('../pages/publish/UnitsPage.tsx'), staffOnly),
  page('roster', '/publish/roster', 'publish', 'roster', () => import('../pages/roster/RosterPage.tsx')),
  page('notices', '/publish/notices', 'publish', 'listPublished', () => import('../pages/publish/NoticesPage.tsx'), staffOnly),
  page('health', '/stations', 'stations', 'stationHealth', () => import('../pages/stations/HealthPage.tsx')),
  page('enrolment', '/stations/enrolment', 'stations', 'enrolmentSheet', () => import('../pages/stations/EnrolmentPage.tsx')),
  page('deadLetters', '/stations/dead-letters', 'stations', 'deadLetters', () => import('../pages/stations/DeadLettersPage.tsx')),
  page('reports', '/reports', 'reports', 'visitsReport', () => import('../pages/reports/ReportsPage.tsx')),
  page('hours', '/reports/hours', 'reports', 'hoursReport', () => import('../pages/reports/HoursPage.tsx')),
  page('monthly', '/reports/monthly', 'reports', 'monthlyReport', () => import('../pages/reports/MonthlyReportPage.tsx')),
  page('organisation', '/admin/organisation', 'admin', 'createStation', () => import('../pages/admin/OrganisationPage.tsx')),
  page('staff', '/admin/staff', 'admin', 'listStaff', () => import('../pages/admin/StaffPage.tsx')),
  page('audit', '/admin/audit', 'admin', 'audit', () => import('../pages/admin/AuditPage.tsx')),
  page('account', '/account', null, 'changePassword', () => import('../pages/account/AccountPage.tsx')),
];

export const mayOpen = (def: PageDef, role: StaffRoleKind): boolean =>
  (consoleRoutes[def.route].roles as readonly StaffRoleKind[]).includes(role) && (def.roles?.includes(role) ?? true);

/** The page at a path, with its parameters; null when no page has that path. */
export const pageAt = (path: string): { def: PageDef; params: Record<string, string> } | null => {
  for (const def of pages) {
    const params = matchPath(def.path, path);
    if (params) return { def, params };
  }
  return null;
};
