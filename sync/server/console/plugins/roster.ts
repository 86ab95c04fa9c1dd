import type { FastifyPluginAsync } from 'fastify';
import type { Shift } from '../../../protocol/catalogue.ts';
import { generateRotation, type RotationTemplate, rotationIdPrefix } from '../../../protocol/console/rotation.ts';
import { addDays, CHINA_UTC_OFFSET_MINUTES, instantOf, occurrencesBetween } from '../../../protocol/roster.ts';
import type { CentreChange } from '../../storage/console/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { clashScopesOf, type ConsoleScope } from '../scope.ts';
import { membersIn, readerScopes, validItems } from './publish.ts';

const OFFSET = CHINA_UTC_OFFSET_MINUTES;

/**
 * The roster: a station's shifts with their occurrences over a week or a month, its saved rotation template,
 * and a month of shifts generated from the template (replacing what an earlier generation made for that month).
 */
export const rosterPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  const stationInScope = (mine: ConsoleScope, stationId: string) => {
    if (!mine.stationIds.has(stationId)) throw notFound(`station ${stationId}`);
  };

  consoleRoute(app, deps, 'roster', async ({ query, scope }) => {
    const mine = await scope();
    stationInScope(mine, query.stationId);
    const items = validItems(await storage.listCentreItems({ collection: 'shifts', scopes: readerScopes(mine, query.stationId) }));
    let shifts = items.map((item) => ({ shift: item.value as Shift, version: item.version }));
    if (mine.unit) {
      const members = await membersIn(storage, readerScopes(mine, query.stationId));
      shifts = shifts.filter(({ shift }) => members.get(shift.memberId)?.unitId === mine.unit!.unitId);
    }
    const from = instantOf(query.from, 0, OFFSET);
    const to = instantOf(addDays(query.to, 1), 0, OFFSET);
    const occurrences = occurrencesBetween(
      shifts.map((s) => s.shift),
      from,
      to,
      OFFSET,
    )
      .filter((o) => o.day >= query.from && o.day <= query.to)
      .map((o) => ({ shiftId: o.shift.id, memberId: o.shift.memberId, day: o.day, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString(), kind: o.shift.kind }));
    return { stationId: query.stationId, shifts, occurrences };
  });

  consoleRoute(app, deps, 'rotationTemplate', async ({ params, scope }) => {
    stationInScope(await scope(), params.stationId);
    return { template: await storage.getRotationTemplate(params.stationId) };
  });

  consoleRoute(app, deps, 'saveRotationTemplate', async ({ params, body, scope, audit }) => {
    stationInScope(await scope(), params.stationId);
    const saved = await storage.saveRotationTemplate({ stationId: params.stationId, template: body.template, expectedVersion: body.expectedVersion }, audit);
    if (saved === 'conflict') throw conflict('the template changed since it was read');
    return { template: saved };
  });

  consoleRoute(app, deps, 'generateRotation', async ({ body, scope, audit }) => {
    const mine = await scope();
    stationInScope(mine, body.stationId);
    const template: RotationTemplate | undefined = body.template ?? (await storage.getRotationTemplate(body.stationId))?.template;
    if (!template) throw badRequest('the station has no saved rotation template; send one', 'template');
    if (mine.unit && template.units.some((u) => u.unitId !== mine.unit!.unitId)) throw forbidden("a unit lead generates only their own unit's rotation");
    const members = await membersIn(storage, readerScopes(mine, body.stationId));
    for (const [index, unit] of template.units.entries()) {
      const stray = unit.memberIds.find((id) => members.get(id)?.unitId !== unit.unitId);
      if (stray !== undefined) throw badRequest(`${stray} is not a member of ${unit.unitId} at this station`, `template.units.${index}.memberIds`);
    }

    const generated = generateRotation(template, body.month);
    const prefix = rotationIdPrefix(body.month);
    const existing = (await storage.listCentreItems({ collection: 'shifts', scopes: [body.stationId] })).filter((item) => item.id.startsWith(prefix));
    const before = new Map(existing.map((item) => [item.id, JSON.stringify(item.value)] as const));
    const keep = new Set(generated.map((shift) => shift.id));
    const changes: CentreChange[] = [
      ...generated.map((shift) => ({ collection: 'shifts' as const, id: shift.id, value: shift })),
      ...existing.filter((item) => !keep.has(item.id)).map((item) => ({ collection: 'shifts' as const, id: item.id, value: null })),
    ];
    const result = await storage.changeCentreItems(
      { scope: body.stationId, changes, clashScopes: clashScopesOf(mine, body.stationId), action: 'roster.generate', targetId: `${body.stationId}/${body.month}` },
      audit,
    );
    if (!result.ok) throw conflict(result.conflict);
    return {
      put: generated.filter((shift) => before.get(shift.id) !== JSON.stringify(shift)).length,
      withdrawn: changes.length - generated.length,
      shifts: generated,
    };
  });
};
