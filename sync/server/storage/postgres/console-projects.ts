import { auditEntry } from '../console/audit.ts';
import { type ProjectRow, toProject } from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import type { Client, PostgresConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

type Queryable = Pick<Client, 'query'>;

/** Service projects: a community's grouping of requests and members, open until completed. */
export const postgresConsoleProjects = ({ pool, transaction }: PostgresConnection): Pick<
  ConsoleStorage,
  'listProjects' | 'getProject' | 'createProject' | 'updateProject' | 'countProjects'
> => {
  const withLinks = async (client: Queryable, rows: ProjectRow[]) => {
    const ids = rows.map((r) => r.id);
    const requests = (await client.query<{ project_id: string; request_id: string }>('SELECT project_id, request_id FROM project_requests WHERE project_id = ANY($1::text[]) ORDER BY request_id', [ids])).rows;
    const members = (await client.query<{ project_id: string; member_id: string }>('SELECT project_id, member_id FROM project_members WHERE project_id = ANY($1::text[]) ORDER BY member_id', [ids])).rows;
    return rows.map((row) =>
      toProject(
        row,
        requests.filter((r) => r.project_id === row.id).map((r) => r.request_id),
        members.filter((m) => m.project_id === row.id).map((m) => m.member_id),
      ),
    );
  };
  const byId = async (client: Queryable, id: string, lock = false) => {
    const row = (await client.query<ProjectRow>(`SELECT * FROM projects WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
    return row ? (await withLinks(client, [row]))[0]! : null;
  };
  const link = async (client: Client, id: string, requestIds: readonly string[] | undefined, memberIds: readonly string[] | undefined) => {
    if (requestIds) {
      await client.query('DELETE FROM project_requests WHERE project_id = $1', [id]);
      await client.query('INSERT INTO project_requests (project_id, request_id) SELECT $1, u FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING', [id, requestIds]);
    }
    if (memberIds) {
      await client.query('DELETE FROM project_members WHERE project_id = $1', [id]);
      await client.query('INSERT INTO project_members (project_id, member_id) SELECT $1, u FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING', [id, memberIds]);
    }
  };

  return {
    async listProjects({ communityIds, status }) {
      const { rows } = await pool.query<ProjectRow>(
        'SELECT * FROM projects WHERE ($1::text[] IS NULL OR community_id = ANY($1::text[])) AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC, id DESC',
        [communityIds, status ?? null],
      );
      return withLinks(pool, rows);
    },

    async getProject(id) {
      return byId(pool, id);
    },

    async createProject(input, audit) {
      return transaction(async (client) => {
        await client.query("INSERT INTO projects (id, community_id, title, description, status, created_at, version) VALUES ($1, $2, $3, $4, 'open', $5, 1)", [
          input.id,
          input.communityId,
          input.title,
          input.description,
          audit.now,
        ]);
        await link(client, input.id, input.requestIds, input.memberIds);
        const created = (await byId(client, input.id))!;
        await writeAudit(client, auditEntry(audit, 'project.create', 'project', input.id, null, created));
        return created;
      });
    },

    async updateProject(id, patch, expectedVersion, audit) {
      return transaction(async (client) => {
        const before = await byId(client, id, true);
        if (!before) return null;
        if (before.version !== expectedVersion) return 'conflict' as const;
        const status = patch.status ?? before.status;
        const completedAt = status === 'completed' ? (before.completedAt ?? audit.now.toISOString()) : null;
        await client.query('UPDATE projects SET title = $1, description = $2, status = $3, completed_at = $4, version = version + 1 WHERE id = $5', [
          patch.title ?? before.title,
          patch.description ?? before.description,
          status,
          completedAt,
          id,
        ]);
        await link(client, id, patch.requestIds, patch.memberIds);
        const after = (await byId(client, id))!;
        await writeAudit(client, auditEntry(audit, 'project.update', 'project', id, before, after));
        return after;
      });
    },

    async countProjects(communityIds) {
      const { rows } = await pool.query<{ total: string; completed: string }>(
        "SELECT count(*) AS total, count(*) FILTER (WHERE status = 'completed') AS completed FROM projects WHERE $1::text[] IS NULL OR community_id = ANY($1::text[])",
        [communityIds],
      );
      return { total: Number(rows[0]!.total), completed: Number(rows[0]!.completed) };
    },
  };
};
