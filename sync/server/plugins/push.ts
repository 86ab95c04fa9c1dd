import type { FastifyPluginAsync } from 'fastify';
import { checkVersion } from '../../protocol/upgrade.ts';
import { messages } from '../../protocol/wire.ts';
import { HttpError } from '../errors.ts';
import type { ServerMetrics } from '../metrics.ts';
import { claimedId, claimedRequestId, planPush } from '../push/plan.ts';
import type { PushPlan, Storage } from '../storage/types.ts';
import type { ZodTypeProvider } from '../zod.ts';
import { ownStation } from './auth.ts';
import { acceptedBody } from './protocol.ts';

/**
 * POST /api/push: a batch of outbox entries, applied in one transaction by the seq rule of push/plan.ts.
 * 426 when the client's schemaVersion is older than the accepted window and 409 schema-too-new when it is newer
 * (nothing is applied; the kiosk keeps its outbox); a single record outside the window is dead-lettered like any
 * record the server cannot take, and the rest apply. 409 outbox-diverged when the client's log is not the one
 * the server applied under this epoch. 400 for a body nested deeper than MAX_JSON_DEPTH (app.ts's JSON parser).
 */
export const pushPlugin: FastifyPluginAsync<{ storage: Storage; metrics: ServerMetrics; now: () => Date }> = async (app, { storage, metrics, now }) => {
  app.withTypeProvider<ZodTypeProvider>().post(
    messages.push.path,
    { schema: { body: messages.push.request, response: { 200: messages.push.response } } },
    async (request) => {
      const { stationId, epoch, entries, schemaVersion } = request.body;
      const station = ownStation(request, stationId);

      // The client's own version decides about the whole push; a record's `v` only about that record (plan.ts).
      const clientVersion = checkVersion(schemaVersion);
      if (clientVersion === 'too-old') {
        throw new HttpError(426, 'update-required', 'the kiosk writes a record schema too old for this server; update the kiosk app and keep the outbox', acceptedBody());
      }
      if (clientVersion === 'too-new') {
        throw new HttpError(409, 'schema-too-new', 'the kiosk writes a record schema newer than this server knows; keep the outbox and retry later', acceptedBody());
      }

      let planned: PushPlan | null = null;
      const result = await storage.applyPush(
        {
          stationId: station.id,
          epoch,
          recordIds: entries.map((e) => claimedId(e.record)).filter((id): id is string => id !== null),
          requestIds: entries.map((e) => claimedRequestId(e.record)).filter((id): id is string => id !== null),
          seqRange: { min: entries[0]!.seq, max: entries.at(-1)!.seq },
          now: now(),
        },
        (snapshot) => (planned = planPush({ stationId: station.id, entries }, snapshot)),
      );
      if (result.kind === 'diverged') {
        request.log.warn({ station: station.id, epoch, seqs: result.seqs.slice(0, 10) }, 'outbox diverged from what the server applied');
        throw new HttpError(409, 'outbox-diverged', `records at seq ${result.seqs.slice(0, 5).join(', ')} of this epoch are not the ones the server applied; start a new epoch`);
      }
      const plan = planned as PushPlan | null;
      if (plan?.kind === 'apply') {
        metrics.pushRecords.inc({ outcome: 'stored' }, result.stored);
        metrics.pushRecords.inc({ outcome: 'dead_letter' }, plan.deadLetters.length);
        for (const dead of plan.deadLetters) metrics.deadLetters.inc({ reason: dead.reason });
        if (plan.deadLetters.length > 0) request.log.warn({ station: station.id, deadLetters: plan.deadLetters.map((d) => ({ seq: d.seq, reason: d.reason, detail: d.detail })) }, 'entries dead-lettered');
      }
      const inBatch = new Set(entries.map((e) => e.seq));
      return { epoch, appliedSeq: result.appliedSeq, deadLetters: result.deadLetters.filter((d) => inBatch.has(d.seq)), serverTime: now().toISOString() };
    },
  );
};
