import type { CentreCollection } from '../../../protocol/centre.ts';
import type { RotationTemplate } from '../../../protocol/console/rotation.ts';
import { auditEntry } from '../console/audit.ts';
import { type ChangeDecision, decideChange } from '../console/publish.ts';
import type { CentreItemRow, ConsoleStorage, RotationTemplateRow } from '../console/types.ts';
import { type Client, nextChangeSeqs, type PostgresConnection, upsertEntry } from './connection.ts';
import { writeAudit } from './console-audit.ts';

interface EntryRow {
  collection: string;
  scope: string;
  id: string;
  value: string | null;
  deleted: boolean;
  seq: string;
  updated_at: Date;
}

const toItem = (row: EntryRow): CentreItemRow => ({
  collection: row.collection as CentreCollection,
  scope: row.scope,
  id: row.id,
  version: Number(row.seq),
  updatedAt: row.updated_at.toISOString(),
  value: JSON.parse(row.value ?? 'null') as unknown,
});

interface TemplateRow {
  station_id: string;
  template: string;
  version: number;
  updated_at: Date;
}
const toTemplate = (row: TemplateRow): RotationTemplateRow => ({
  stationId: row.station_id,
  template: JSON.parse(row.template) as RotationTemplate,
  version: row.version,
  updatedAt: row.updated_at.toISOString(),
});

/** Publishing from the console: centre entries one by one, versioned by their change sequence, audited. */
export const postgresConsolePublish = ({ pool, transaction }: PostgresConnection): Pick<
  ConsoleStorage,
  'listCentreItems' | 'changeCentreItems' | 'getRotationTemplate' | 'saveRotationTemplate'
> => {
  const entry = async (client: Client, collection: string, scope: string, id: string) =>
    (await client.query<EntryRow>('SELECT * FROM centre_entries WHERE collection = $1 AND scope = $2 AND id = $3', [collection, scope, id])).rows[0];

  return {
    async listCentreItems({ collection, scopes, ids }) {
      const { rows } = await pool.query<EntryRow>(
        `SELECT * FROM centre_entries WHERE collection = $1 AND NOT deleted
           AND ($2::text[] IS NULL OR scope = ANY($2::text[])) AND ($3::text[] IS NULL OR id = ANY($3::text[]))
         ORDER BY scope, id`,
        [collection, scopes, ids ?? null],
      );
      return rows.map(toItem);
    },

    async changeCentreItems({ scope, changes, clashScopes, action, targetId, redact = (_collection, value) => value }, audit) {
      return transaction(async (client) => {
        // As the CLI's publish: the change-seq lock first, so the versions and the scope check below see every
        // earlier publish and no later one can slip in between.
        await client.query("SELECT value FROM counters WHERE name = 'change_seq' FOR UPDATE");
        const clashOf = async (collection: string, id: string): Promise<string | undefined> => {
          const { rows } =
            clashScopes === 'others'
              ? await client.query<{ scope: string }>('SELECT scope FROM centre_entries WHERE collection = $1 AND id = $2 AND NOT deleted AND scope <> $3 LIMIT 1', [collection, id, scope])
              : await client.query<{ scope: string }>(
                  'SELECT scope FROM centre_entries WHERE collection = $1 AND id = $2 AND NOT deleted AND scope <> $3 AND scope = ANY($4::text[]) LIMIT 1',
                  [collection, id, scope, clashScopes],
                );
          return rows[0]?.scope;
        };
        const decisions: ChangeDecision[] = [];
        for (const change of changes) {
          const row = await entry(client, change.collection, scope, change.id);
          const existing = row && { value: row.value, deleted: row.deleted, seq: Number(row.seq), updatedAt: row.updated_at.toISOString() };
          decisions.push(decideChange(scope, change, existing, change.value === null ? undefined : await clashOf(change.collection, change.id)));
        }
        const conflict = decisions.find((d) => d.kind === 'conflict');
        if (conflict?.kind === 'conflict') return { ok: false as const, conflict: conflict.reason };

        const writes = decisions.filter((d) => d.kind === 'write');
        if (writes.length > 0) {
          let seq = await nextChangeSeqs(client, writes.length);
          for (const write of writes) {
            await upsertEntry(client, { collection: write.change.collection, scope, id: write.change.id, value: write.value, seq, at: audit.now });
            seq += 1;
          }
          await writeAudit(
            client,
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
        const items: (CentreItemRow | null)[] = [];
        for (const change of changes) {
          const row = change.value === null ? undefined : await entry(client, change.collection, scope, change.id);
          items.push(row ? toItem(row) : null);
        }
        return { ok: true as const, items };
      });
    },

    async getRotationTemplate(stationId) {
      const row = (await pool.query<TemplateRow>('SELECT * FROM rotation_templates WHERE station_id = $1', [stationId])).rows[0];
      return row ? toTemplate(row) : null;
    },

    async saveRotationTemplate({ stationId, template, expectedVersion }, audit) {
      return transaction(async (client) => {
        const before = (await client.query<TemplateRow>('SELECT * FROM rotation_templates WHERE station_id = $1 FOR UPDATE', [stationId])).rows[0];
        if ((expectedVersion === null && before) || (expectedVersion !== null && before?.version !== expectedVersion)) return 'conflict' as const;
        // A first save inserts or finds it was not first (a save racing it from another process): a conflict.
        const { rows } = before
          ? await client.query<TemplateRow>('UPDATE rotation_templates SET template = $2, version = version + 1, updated_at = $3 WHERE station_id = $1 RETURNING *', [
              stationId,
              JSON.stringify(template),
              audit.now,
            ])
          : await client.query<TemplateRow>('INSERT INTO rotation_templates (station_id, template, version, updated_at) VALUES ($1, $2, 1, $3) ON CONFLICT DO NOTHING RETURNING *', [
              stationId,
              JSON.stringify(template),
              audit.now,
            ]);
        if (!rows[0]) return 'conflict' as const;
        const after = toTemplate(rows[0]!);
        await writeAudit(client, auditEntry(audit, 'roster.save-template', 'station', stationId, before ? toTemplate(before).template : null, after.template));
        return after;
      });
    },
  };
};
