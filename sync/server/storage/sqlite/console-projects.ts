import { auditEntry } from '../console/audit.ts';
import { type ProjectRow, toProject } from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

/** Service projects: a community's grouping of requests and members, open until completed. */
export const sqliteConsoleProjects = ({ db }: SqliteConnection): Pick<ConsoleStorage, 'listProjects' | 'getProject' | 'createProject' | 'updateProject' | 'countProjects'> => {
  const withLinks = (rows: ProjectRow[]) => {
    const ids = JSON.stringify(rows.map((r) => r.id));
    const requests = db
      .prepare<[string], { project_id: string; request_id: string }>('SELECT project_id, request_id FROM project_requests WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY request_id')
      .all(ids);
    const members = db
      .prepare<[string], { project_id: string; member_id: string }>('SELECT project_id, member_id FROM project_members WHERE project_id IN (SELECT value FROM json_each(?)) ORDER BY member_id')
      .all(ids);
    return rows.map((row) =>
      toProject(
        row,
        requests.filter((r) => r.project_id === row.id).map((r) => r.request_id),
        members.filter((m) => m.project_id === row.id).map((m) => m.member_id),
      ),
    );
  };
  const byId = (id: string) => {
    const row = db.prepare<[string], ProjectRow>('SELECT * FROM projects WHERE id = ?').get(id);
    return row ? withLinks([row])[0]! : null;
  };
  const link = (id: string, requestIds: readonly string[] | undefined, memberIds: readonly string[] | undefined) => {
    if (requestIds) {
      db.prepare('DELETE FROM project_requests WHERE project_id = ?').run(id);
      const insert = db.prepare('INSERT OR IGNORE INTO project_requests (project_id, request_id) VALUES (?, ?)');
      for (const requestId of requestIds) insert.run(id, requestId);
    }
    if (memberIds) {
      db.prepare('DELETE FROM project_members WHERE project_id = ?').run(id);
      const insert = db.prepare('INSERT OR IGNORE INTO project_members (project_id, member_id) VALUES (?, ?)');
      for (const memberId of memberIds) insert.run(id, memberId);
    }
  };

  return {
    async listProjects({ communityIds, status }) {
      const where = [...(communityIds === null ? [] : ['community_id IN (SELECT value FROM json_each(@communities))']), ...(status ? ['status = @status'] : [])];
      const rows = db
        .prepare<[{ communities: string; status: string | null }], ProjectRow>(`SELECT * FROM projects ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC`)
        .all({ communities: JSON.stringify(communityIds ?? []), status: status ?? null });
      return withLinks(rows);
    },

    async getProject(id) {
      return byId(id);
    },

    async createProject(input, audit) {
      return db
        .transaction(() => {
          db.prepare("INSERT INTO projects (id, community_id, title, description, status, created_at, version) VALUES (?, ?, ?, ?, 'open', ?, 1)").run(
            input.id,
            input.communityId,
            input.title,
            input.description,
            audit.now.toISOString(),
          );
          link(input.id, input.requestIds, input.memberIds);
          const created = byId(input.id)!;
          writeAudit(db, auditEntry(audit, 'project.create', 'project', input.id, null, created));
          return created;
        })
        .immediate();
    },

    async updateProject(id, patch, expectedVersion, audit) {
      return db
        .transaction(() => {
          const before = byId(id);
          if (!before) return null;
          if (before.version !== expectedVersion) return 'conflict' as const;
          const status = patch.status ?? before.status;
          const completedAt = status === 'completed' ? (before.completedAt ?? audit.now.toISOString()) : null;
          db.prepare('UPDATE projects SET title = ?, description = ?, status = ?, completed_at = ?, version = version + 1 WHERE id = ?').run(
            patch.title ?? before.title,
            patch.description ?? before.description,
            status,
            completedAt,
            id,
          );
          link(id, patch.requestIds, patch.memberIds);
          const after = byId(id)!;
          writeAudit(db, auditEntry(audit, 'project.update', 'project', id, before, after));
          return after;
        })
        .immediate();
    },

    async countProjects(communityIds) {
      const where = communityIds === null ? '' : 'WHERE community_id IN (SELECT value FROM json_each(@communities))';
      const row = db
        .prepare<[{ communities: string }], { total: number; completed: number | null }>(`SELECT count(*) AS total, sum(status = 'completed') AS completed FROM projects ${where}`)
        .get({ communities: JSON.stringify(communityIds ?? []) })!;
      return { total: row.total, completed: row.completed ?? 0 };
    },
  };
};
