import type { FastifyPluginAsync } from 'fastify';
import { forbidden, notFound } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';

/**
 * The organisation tree. Everyone sees the part of it in their scope (and the subdistrict above their community);
 * the district admin creates subdistricts and moves stations between communities, subdistrict staff create
 * communities in their subdistrict, staff create stations in their communities.
 */
export const organisationPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  consoleRoute(app, deps, 'organisation', async ({ scope }) => {
    const mine = await scope();
    const communities = mine.communities.filter((c) => mine.communityIds.has(c.id));
    const above = new Set(communities.map((c) => c.subdistrictId));
    const subdistricts = (await storage.listSubdistricts()).filter((s) => mine.district || mine.subdistrictIds.has(s.id) || above.has(s.id));
    return { subdistricts, communities, stations: mine.stations.filter((s) => mine.stationIds.has(s.id)) };
  });

  consoleRoute(app, deps, 'createSubdistrict', async ({ body, audit }) => ({ subdistrict: await storage.createSubdistrict(body, audit) }));

  consoleRoute(app, deps, 'updateSubdistrict', async ({ params, body, scope, audit }) => {
    const mine = await scope();
    if (!mine.district && !mine.subdistrictIds.has(params.subdistrictId)) throw notFound('such subdistrict');
    const subdistrict = await storage.updateSubdistrict(params.subdistrictId, body, audit);
    if (!subdistrict) throw notFound('such subdistrict');
    return { subdistrict };
  });

  consoleRoute(app, deps, 'createCommunity', async ({ body, scope, audit }) => {
    const mine = await scope();
    if (!mine.district && !mine.subdistrictIds.has(body.subdistrictId)) throw notFound('such subdistrict');
    return { community: await storage.createCommunity(body, audit) };
  });

  consoleRoute(app, deps, 'updateCommunity', async ({ params, body, scope, audit }) => {
    const mine = await scope();
    if (!mine.communityIds.has(params.communityId)) throw notFound('such community');
    const community = await storage.updateCommunity(params.communityId, body, audit);
    if (!community) throw notFound('such community');
    return { community };
  });

  consoleRoute(app, deps, 'createStation', async ({ body, scope, audit }) => {
    const mine = await scope();
    if (!mine.communityIds.has(body.communityId)) throw notFound('such community');
    return { station: await storage.createConsoleStation(body, audit) };
  });

  consoleRoute(app, deps, 'updateStation', async ({ params, body, scope, audit }) => {
    const mine = await scope();
    if (!mine.stationIds.has(params.stationId)) throw notFound('such station');
    const current = mine.stations.find((s) => s.id === params.stationId);
    if (body.communityId !== undefined && body.communityId !== current?.communityId && !mine.district) throw forbidden('only the district admin moves a station to another community');
    const station = await storage.updateConsoleStation(params.stationId, body, audit);
    if (!station) throw notFound('such station');
    return { station };
  });
};
