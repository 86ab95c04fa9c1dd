import { z } from 'zod';
import { instantSchema, serverIdSchema, slugSchema } from './common.ts';

/**
 * Service projects (服务项目): a community groups residents' needs (requests) and the members who serve them;
 * a project is open until staff mark it completed. The source's four lists are the overview's live counts:
 * member resources (资源清单), resident needs, service projects, completed.
 */

export const projectStatuses = ['open', 'completed'] as const;

export const projectSchema = z.object({
  id: serverIdSchema,
  communityId: slugSchema,
  title: z.string(),
  description: z.string(),
  status: z.enum(projectStatuses),
  requestIds: z.array(z.uuid({ version: 'v7' })),
  memberIds: z.array(slugSchema),
  createdAt: instantSchema,
  completedAt: instantSchema.nullable(),
  version: z.number().int().min(1),
});
export type Project = z.infer<typeof projectSchema>;

export const projectListQuerySchema = z.object({ communityId: slugSchema.optional(), status: z.enum(projectStatuses).optional() });
export const projectListSchema = z.object({ projects: z.array(projectSchema) });

const title = z.string().trim().min(1).max(100);
const description = z.string().trim().max(2000);
const requestIds = z.array(z.uuid({ version: 'v7' })).max(500);
const memberIds = z.array(slugSchema).max(500);

/** Requests must be of the community's stations, members published for the community. */
export const createProjectRequestSchema = z.object({
  communityId: slugSchema,
  title,
  description: description.default(''),
  requestIds: requestIds.default([]),
  memberIds: memberIds.default([]),
});
export const updateProjectRequestSchema = z.object({
  title: title.optional(),
  description: description.optional(),
  status: z.enum(projectStatuses).optional(),
  requestIds: requestIds.optional(),
  memberIds: memberIds.optional(),
  expectedVersion: z.number().int().min(1),
});
export const projectParams = z.object({ projectId: serverIdSchema });
export const projectResponseSchema = z.object({ project: projectSchema });

export const overviewQuerySchema = z.object({ communityId: slugSchema.optional() });
export const overviewSchema = z.object({
  /** 资源清单: what members offer, one per member and skill. */
  memberResources: z.number().int().min(0),
  members: z.number().int().min(0),
  /** 群众需求: requests received. */
  residentNeeds: z.number().int().min(0),
  openNeeds: z.number().int().min(0),
  serviceProjects: z.number().int().min(0),
  projectsCompleted: z.number().int().min(0),
  /** Requests done or rated. */
  needsMet: z.number().int().min(0),
});
export type Overview = z.infer<typeof overviewSchema>;
