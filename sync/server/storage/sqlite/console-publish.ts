import type { CentreCollection } from '../../../protocol/centre.ts';
import type { RotationTemplate } from '../../../protocol/console/rotation.ts';
import { auditEntry } from '../console/audit.ts';
import { type ChangeDecision, decideChange } from '../console/publish.ts';
import type { CentreItemRow, ConsoleStorage, RotationTemplateRow } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

interface EntryRow {
  collection: string;
  scope: string;
  id: string;
  value: string | null;
  deleted: number;
  seq: number;
  updated_at: string;
}

const toItem = (row: EntryRow): CentreItemRow => ({
  collection: row.collection as CentreCollection,
  scope: row.scope,
  id: row.id,
  version: row.seq,
  updatedAt: row.updated_at,
  value: JSON.parse(row.value ?? 'null') as unknown,
});

/** Publishing from the console: centre entries one by one, versioned by their change sequence, audited. */
export const sqliteConsolePublish = ({ db, nextChangeSeqs, upsertEntry }: SqliteConnection): Pick<
  ConsoleStorage,
  'listCentreItems' | 'changeCentreItems' | 'getRotationTemplate' | 'saveRotationTemplate'
> => {
  const template = (stationId: string) =>
    db.prepare<[string], { station_id: string; template: string; version: number; updated_at: string }>('SELECT * FROM rotation_templates WHERE station_id = ?').get(stationId);
  const toTemplate = (row: { station_id: string; template: string; version: number; updated_at: string }): RotationTemplateRow => ({
    stationId: row.station_id,
    template: JSON.parse(row.template) as RotationTemplate,
    version: row.version,
    updatedAt: row.updated_at,
  });

  return {
    async listCentreItems({ collection, scopes, ids }) {
      const where = [
        'collection = @collection AND deleted = 0',
        ...(scopes === null ? [] : ['scope IN (SELECT value FROM json_each(@scopes))']),
        ...(ids === undefined ? [] : ['id IN (SELECT value FROM json_each(@ids))']),
      ];
      const rows = db
        .prepare<[{ collection: string; scopes: string; ids: string }], EntryRow>(`SELECT * FROM centre_entries WHERE ${where.join(' AND ')} ORDER BY scope, id`)
        .all({ collection, scopes: JSON.stringify(scopes ?? []), ids: JSON.stringify(ids ?? []) });
      return rows.map(toItem);
    },

    async changeCentreItems({ scope, changes, clashScopes, action, targetId, redact = (_collection, value) => value }, audit) {
      return db
        .transaction(() => {
          const existing = db.prepare<[string, string, string], EntryRow>('SELECT * FROM centre_entries WHERE collection = ? AND scope = ? AND id = ?');
          const clashOf = (collection: string, id: string): string | undefined =>
            clashScopes === 'others'
              ? db.prepare<[string, string, string], { scope: string }>('SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND deleted = 0 AND scope <> ? LIMIT 1').get(collection, id, scope)?.scope
              : db
                  .prepare<[string, string, string, string], { scope: string }>(
                    'SELECT scope FROM centre_entries WHERE collection = ? AND id = ? AND deleted = 0 AND scope <> ? AND scope IN (SELECT value FROM json_each(?)) LIMIT 1',
                  )
                  .get(collection, id, scope, JSON.stringify(clashScopes))?.scope;
          const decisions: ChangeDecision[] = changes.map((change) => {
            const row = existing.get(change.collection, scope, change.id);
            const entry = row && { value: row.value, deleted: row.deleted === 1, seq: row.seq, updatedAt: row.updated_at };
            return decideChange(scope, change, entry, change.value === null ? undefined : clashOf(change.collection, change.id));
          });
          const conflict = decisions.find((d) => d.kind === 'conflict');
          if (conflict?.kind === 'conflict') return { ok: false as const, conflict: conflict.reason };

          const writes = decisions.filter((d) => d.kind === 'write');
          const at = audit.now.toISOString();
          if (writes.length > 0) {
            const upsert = upsertEntry();
            let seq = nextChangeSeqs(writes.length);
            for (const write of writes) {
              upsert.run(write.change.collection, scope, write.change.id, write.value, write.value === null ? 1 : 0, seq, at);
              seq += 1;
            }
            writeAudit(
              db,
              auditEntry(
                audit,
                action,
                'publish',
                targetId,
                writes.map((w) => ({ collection: w.change.collection, scope, id: w.change.id, value: redact(w.change.collection, w.before) })),
                writes.map((w) => ({ collection: w.change.collection, scope, id: w.change.id, value: redact(w.change.collection, w.change.value) })),
              ),
            );
          }
          const items = changes.map((change) => {
            if (change.value === null) return null;
            const row = existing.get(change.collection, scope, change.id);
            return row ? toItem(row) : null;
          });
          return { ok: true as const, items };
        })
        .immediate();
    },

    async getRotationTemplate(stationId) {
      const row = template(stationId);
      return row ? toTemplate(row) : null;
    },

    async saveRotationTemplate({ stationId, template: value, expectedVersion }, audit) {
      return db
        .transaction(() => {
          const before = template(stationId);
          if ((expectedVersion === null && before) || (expectedVersion !== null && before?.version !== expectedVersion)) return 'conflict' as const;
          const version = (before?.version ?? 0) + 1;
          db.prepare(
            `INSERT INTO rotation_templates (station_id, template, version, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (station_id) DO UPDATE SET template = excluded.template, version = excluded.version, updated_at = excluded.updated_at`,
          ).run(stationId, JSON.stringify(value), version, audit.now.toISOString());
          const after = toTemplate(template(stationId)!);
          writeAudit(db, auditEntry(audit, 'roster.save-template', 'station', stationId, before ? toTemplate(before).template : null, after.template));
          return after;
        })
        .immediate();
    },
  };
};
