import type { FastifyPluginAsync } from 'fastify';
import type { AuditQuery } from '../../storage/console/types.ts';
import { auditCsv } from '../csv-reports.ts';
import { badRequest } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { sendCsv } from './reports.ts';

/** The most entries one CSV export holds; narrow the filter for more. */
const MAX_EXPORT = 50_000;

const parseCursor = (cursor: string | undefined): number | undefined => {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) throw badRequest('not a cursor of the audit log', 'cursor');
  return Number(cursor);
};

/** The audit log for the district admin: newest first, in pages; and as CSV. */
export const auditPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;
  const filterOf = (query: { from?: string | undefined; to?: string | undefined; staffId?: string | undefined; action?: string | undefined; targetType?: string | undefined; targetId?: string | undefined }) => ({
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.staffId !== undefined ? { staffId: query.staffId } : {}),
    ...(query.action !== undefined ? { action: query.action } : {}),
    ...(query.targetType !== undefined ? { targetType: query.targetType } : {}),
    ...(query.targetId !== undefined ? { targetId: query.targetId } : {}),
  });

  consoleRoute(app, deps, 'audit', async ({ query }) => {
    const before = parseCursor(query.cursor);
    const rows = await storage.listAudit({ ...filterOf(query), ...(before !== undefined ? { beforeId: before } : {}), limit: query.limit + 1 });
    const entries = rows.slice(0, query.limit);
    return { entries, nextCursor: rows.length > query.limit ? entries.at(-1)!.id : null };
  });

  consoleRoute(app, deps, 'auditCsv', async ({ query, reply }) => {
    const filter: AuditQuery = { ...filterOf(query), limit: MAX_EXPORT };
    return sendCsv(reply, 'yizhan-audit', auditCsv(query.lang, await storage.listAudit(filter)));
  });
};
