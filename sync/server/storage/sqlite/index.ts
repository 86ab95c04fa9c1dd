import type { Storage } from '../types.ts';
import { openSqliteConnection, type SqliteOptions } from './connection.ts';
import { sqliteCentre } from './centre.ts';
import { sqliteEntries } from './entries.ts';
import { sqliteConsoleAudit } from './console-audit.ts';
import { sqliteConsoleOrganisation } from './console-organisation.ts';
import { sqliteConsoleProjects } from './console-projects.ts';
import { sqliteConsolePublish } from './console-publish.ts';
import { sqliteConsoleReports } from './console-reports.ts';
import { sqliteConsoleRequests } from './console-requests.ts';
import { sqliteConsoleStaff } from './console-staff.ts';
import { sqliteConsoleStations } from './console-stations.ts';
import { sqliteHeartbeats } from './heartbeats.ts';
import { sqlitePush } from './push.ts';
import { sqliteRateLimits } from './rate-limits.ts';
import { sqliteRecords } from './records.ts';
import { sqliteRequests } from './requests.ts';
import { sqliteRetention } from './retention.ts';
import { sqliteSchema } from './schema.ts';
import { sqliteStations } from './stations.ts';

export type { SqliteOptions } from './connection.ts';

/** The embedded engine (a demo, a small district): one SQLite file, one module per concern on one connection. */
export const openSqliteStorage = (options: SqliteOptions): Storage => {
  const connection = openSqliteConnection(options);
  return {
    engine: 'sqlite',
    ...sqliteSchema(connection),
    ...sqliteStations(connection),
    ...sqlitePush(connection),
    ...sqliteRecords(connection),
    ...sqliteRequests(connection),
    ...sqliteRetention(connection),
    ...sqliteCentre(connection),
    ...sqliteEntries(connection),
    ...sqliteHeartbeats(connection),
    ...sqliteRateLimits(connection),
    // The community console's storage (console/types.ts).
    ...sqliteConsoleOrganisation(connection),
    ...sqliteConsoleStaff(connection),
    ...sqliteConsoleAudit(connection),
    ...sqliteConsolePublish(connection),
    ...sqliteConsoleRequests(connection),
    ...sqliteConsoleProjects(connection),
    ...sqliteConsoleStations(connection),
    ...sqliteConsoleReports(connection),
  };
};
