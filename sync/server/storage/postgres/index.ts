import type { Storage } from '../types.ts';
import { openPostgresConnection, type PostgresOptions } from './connection.ts';
import { postgresCentre } from './centre.ts';
import { postgresEntries } from './entries.ts';
import { postgresConsoleAudit } from './console-audit.ts';
import { postgresConsoleOrganisation } from './console-organisation.ts';
import { postgresConsoleProjects } from './console-projects.ts';
import { postgresConsolePublish } from './console-publish.ts';
import { postgresConsoleReports } from './console-reports.ts';
import { postgresConsoleRequests } from './console-requests.ts';
import { postgresConsoleStaff } from './console-staff.ts';
import { postgresConsoleStations } from './console-stations.ts';
import { postgresHeartbeats } from './heartbeats.ts';
import { postgresPush } from './push.ts';
import { postgresRateLimits } from './rate-limits.ts';
import { postgresRecords } from './records.ts';
import { postgresRequests } from './requests.ts';
import { postgresRetention } from './retention.ts';
import { postgresSchema } from './schema.ts';
import { postgresStations } from './stations.ts';

export { nextChangeSeqs, type PostgresOptions } from './connection.ts';

/** PostgreSQL (a city: N stateless server processes on one database), one module per concern on one pool. */
export const openPostgresStorage = (options: PostgresOptions): Storage => {
  const connection = openPostgresConnection(options);
  return {
    engine: 'postgres',
    ...postgresSchema(connection),
    ...postgresStations(connection),
    ...postgresPush(connection),
    ...postgresRecords(connection),
    ...postgresRequests(connection),
    ...postgresRetention(connection),
    ...postgresCentre(connection),
    ...postgresEntries(connection),
    ...postgresHeartbeats(connection),
    ...postgresRateLimits(connection),
    // The community console's storage (console/types.ts).
    ...postgresConsoleOrganisation(connection),
    ...postgresConsoleStaff(connection),
    ...postgresConsoleAudit(connection),
    ...postgresConsolePublish(connection),
    ...postgresConsoleRequests(connection),
    ...postgresConsoleProjects(connection),
    ...postgresConsoleStations(connection),
    ...postgresConsoleReports(connection),
  };
};
