import type { FastifyPluginAsync } from 'fastify';
import type { Member } from '../../../protocol/catalogue.ts';
import { communityScope, DISTRICT_SCOPE } from '../../../protocol/centre.ts';
import { openStatuses } from '../../../protocol/console/dispatch.ts';
import { newId } from '../../../protocol/ids.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { type ConsoleScope, stationFilter } from '../scope.ts';
import { membersIn } from './publish.ts';

/**
 * Service projects and the overview's live counts. A project belongs to one community; its requests must be of
 * that community's stations and its members published for it.
 */
export const projectsPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  const communitiesOf = (mine: ConsoleScope, communityId: string | undefined): string[] | null => {
    if (communityId !== undefined) return mine.communityIds.has(communityId) ? [communityId] : [];
    return mine.district ? null : [...mine.communityIds];
  };

  const checkLinks = async (mine: ConsoleScope, communityId: string, requestIds: readonly string[] | undefined, memberIds: readonly string[] | undefined) => {
    const stations = new Set(mine.stations.filter((s) => s.communityId === communityId).map((s) => s.id));
    for (const [index, requestId] of (requestIds ?? []).entries()) {
      const request = await storage.getConsoleRequest(requestId);
      if (!request || !stations.has(request.stationId)) throw badRequest(`request ${requestId} is not one of the community's`, `requestIds.${index}`);
    }
    if (memberIds?.length) {
      const members = await membersIn(storage, [DISTRICT_SCOPE, communityScope(communityId)]);
      const stray = memberIds.findIndex((id) => !members.has(id));
      if (stray >= 0) throw badRequest(`member ${memberIds[stray]} is not published for the community`, `memberIds.${stray}`);
    }
  };

  const visibleProject = async (mine: ConsoleScope, projectId: string) => {
    const project = await storage.getProject(projectId);
    if (!project || !mine.communityIds.has(project.communityId)) throw notFound('such project');
    return project;
  };

  consoleRoute(app, deps, 'listProjects', async ({ query, scope }) => ({
    projects: await storage.listProjects({ communityIds: communitiesOf(await scope(), query.communityId), ...(query.status ? { status: query.status } : {}) }),
  }));

  consoleRoute(app, deps, 'createProject', async ({ body, scope, audit }) => {
    const mine = await scope();
    if (!mine.communityIds.has(body.communityId)) throw notFound('such community');
    await checkLinks(mine, body.communityId, body.requestIds, body.memberIds);
    return { project: await storage.createProject({ id: newId(), ...body }, audit) };
  });

  consoleRoute(app, deps, 'project', async ({ params, scope }) => ({ project: await visibleProject(await scope(), params.projectId) }));

  consoleRoute(app, deps, 'updateProject', async ({ params, body, scope, audit }) => {
    const mine = await scope();
    const project = await visibleProject(mine, params.projectId);
    await checkLinks(mine, project.communityId, body.requestIds, body.memberIds);
    const { expectedVersion, ...patch } = body;
    const updated = await storage.updateProject(project.id, patch, expectedVersion, audit);
    if (updated === 'conflict') throw conflict('the project changed since it was read');
    if (!updated) throw notFound('such project');
    return { project: updated };
  });

  consoleRoute(app, deps, 'overview', async ({ query, scope }) => {
    const mine = await scope();
    const communityIds = communitiesOf(mine, query.communityId);
    const memberScopes = communityIds === null ? null : [...(query.communityId === undefined ? [DISTRICT_SCOPE] : []), ...communityIds.map(communityScope)];
    const members = (await storage.listCentreItems({ collection: 'members', scopes: memberScopes })).map((item) => item.value as Member);
    const stationIds =
      query.communityId === undefined ? stationFilter(mine) : mine.stations.filter((s) => s.communityId === query.communityId && mine.stationIds.has(s.id)).map((s) => s.id);
    const projects = await storage.countProjects(communityIds);
    return {
      memberResources: members.reduce((sum, member) => sum + (Array.isArray(member.skills) ? member.skills.length : 0), 0),
      members: members.length,
      residentNeeds: await storage.countRequests({ stationIds }),
      openNeeds: await storage.countRequests({ stationIds, statuses: [...openStatuses] }),
      needsMet: await storage.countRequests({ stationIds, statuses: ['done', 'rated'] }),
      serviceProjects: projects.total,
      projectsCompleted: projects.completed,
    };
  });
};
