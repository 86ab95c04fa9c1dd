import type { FastifyPluginAsync } from 'fastify';
import { ONLINE_WINDOW_SECONDS, SILENT_AFTER_SECONDS, type StationHealth } from '../../../protocol/console/stations.ts';
import type { StationHealthRow } from '../../storage/console/types.ts';
import type { Storage } from '../../storage/types.ts';
import { enrolmentCodeHash, newEnrolmentCode, newStationToken, tokenHash } from '../../tokens.ts';
import { ConsoleError, notFound } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { type ConsoleScope, stationFilter } from '../scope.ts';

/** Days until `left` bytes are used up at `growthPerDay`; null when storage does not grow or either is unknown. */
export const daysUntilFull = (left: number | null, growthPerDay: number | null): number | null =>
  left === null || growthPerDay === null || growthPerDay <= 0 ? null : Math.floor(left / growthPerDay);

/** A board row: online within the window, since when, silent for over a day, storage left and when it runs out. */
export const toStationHealth = (row: StationHealthRow, now: Date): StationHealth => {
  const beat = row.heartbeat;
  const storageLeft = beat && beat.storageUsed !== null && beat.storageQuota !== null ? Math.max(0, beat.storageQuota - beat.storageUsed) : null;
  const age = beat ? (now.getTime() - Date.parse(beat.receivedAt)) / 1000 : Number.POSITIVE_INFINITY;
  const online = age <= ONLINE_WINDOW_SECONDS;
  return {
    station: row.station,
    online,
    since: beat ? (online ? (beat.onlineSince ?? beat.receivedAt) : beat.receivedAt) : null,
    silent: row.station.revokedAt === null && (beat ? age > SILENT_AFTER_SECONDS : row.station.enrolled),
    heartbeat: beat && {
      appVersion: beat.appVersion,
      recordsWaiting: beat.recordsWaiting,
      storageUsed: beat.storageUsed,
      storageQuota: beat.storageQuota,
      storageLeft,
      storageGrowthPerDay: beat.storageGrowthPerDay,
      storageFullInDays: daysUntilFull(storageLeft, beat.storageGrowthPerDay),
      deadLetters: beat.deadLetters,
      clockSkewMs: beat.clockOffsetMs,
      lastError: beat.lastError,
      sentAt: beat.sentAt,
      receivedAt: beat.receivedAt,
    },
    unresolvedDeadLetters: row.unresolvedDeadLetters,
  };
};

const makeCode = async (storage: Storage, station: { id: string; name: string }, hours: number, now: Date) => {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await storage.createEnrolmentCode({ stationId: station.id, codeHash: enrolmentCodeHash(code), expiresAt, now });
  return { stationId: station.id, stationName: station.name, code, expiresAt: expiresAt.toISOString() };
};

/**
 * Keeping stations: the health board, enrolment codes (the code itself is never logged), revoking and rotating
 * tokens (a rotated token is shown once), and dead letters reviewed and marked resolved.
 */
export const stationsPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage, now } = deps;

  const stationIn = (mine: ConsoleScope, stationId: string) => {
    const station = mine.stations.find((s) => s.id === stationId);
    if (!station || !mine.stationIds.has(stationId)) throw notFound(`station ${stationId}`);
    return station;
  };

  consoleRoute(app, deps, 'stationHealth', async ({ query, scope }) => {
    const mine = await scope();
    const at = now();
    const ids = query.communityId === undefined ? stationFilter(mine) : mine.stations.filter((s) => s.communityId === query.communityId && mine.stationIds.has(s.id)).map((s) => s.id);
    return { stations: (await storage.stationHealth(ids)).map((row) => toStationHealth(row, at)), serverTime: at.toISOString() };
  });

  consoleRoute(app, deps, 'enrolmentCode', async ({ params, body, scope, audit }) => {
    const station = stationIn(await scope(), params.stationId);
    const code = await makeCode(storage, station, body.hours, audit.now);
    await storage.appendAudit({ ...audit, action: 'station.enrolment-code', targetType: 'station', targetId: station.id, before: null, after: { expiresAt: code.expiresAt } });
    return { code };
  });

  consoleRoute(app, deps, 'enrolmentSheet', async ({ body, scope, audit }) => {
    const mine = await scope();
    const stations = body.stationIds.map((id) => stationIn(mine, id));
    const codes = [];
    const skipped: { stationId: string; reason: 'enrolled' | 'revoked' }[] = [];
    for (const station of stations) {
      if (!body.includeEnrolled && station.revokedAt !== null) skipped.push({ stationId: station.id, reason: 'revoked' });
      else if (!body.includeEnrolled && station.enrolled) skipped.push({ stationId: station.id, reason: 'enrolled' });
      else codes.push(await makeCode(storage, station, body.hours, audit.now));
    }
    await storage.appendAudit({
      ...audit,
      action: 'station.enrolment-sheet',
      targetType: 'station',
      targetId: null,
      before: null,
      after: { stations: codes.map((c) => c.stationId), skipped, hours: body.hours },
    });
    return { codes, skipped };
  });

  consoleRoute(app, deps, 'revokeStation', async ({ params, scope, audit }) => {
    const before = stationIn(await scope(), params.stationId);
    await storage.revokeStation({ stationId: before.id, now: audit.now });
    const station = (await storage.listConsoleStations()).find((s) => s.id === before.id)!;
    await storage.appendAudit({ ...audit, action: 'station.revoke', targetType: 'station', targetId: station.id, before, after: station });
    return { station };
  });

  consoleRoute(app, deps, 'rotateStationToken', async ({ params, scope, audit }) => {
    const station = stationIn(await scope(), params.stationId);
    const token = newStationToken();
    if (!(await storage.setToken({ stationId: station.id, tokenHash: tokenHash(token), previousHash: null, now: audit.now }))) {
      throw new ConsoleError(409, 'conflict', 'a revoked station re-enrols with a new code instead');
    }
    await storage.appendAudit({ ...audit, action: 'station.rotate-token', targetType: 'station', targetId: station.id, before: null, after: null });
    return { stationId: station.id, token };
  });

  consoleRoute(app, deps, 'deadLetters', async ({ query, scope }) => {
    const mine = await scope();
    const ids = query.stationId !== undefined ? [stationIn(mine, query.stationId).id] : stationFilter(mine);
    return { deadLetters: await storage.listConsoleDeadLetters({ stationIds: ids, ...(query.resolved !== undefined ? { resolved: query.resolved } : {}) }) };
  });

  consoleRoute(app, deps, 'resolveDeadLetter', async ({ body, scope, audit }) => {
    stationIn(await scope(), body.stationId);
    const deadLetter = await storage.resolveDeadLetter(body, audit);
    if (!deadLetter) throw notFound('such dead letter');
    return { deadLetter };
  });
};
