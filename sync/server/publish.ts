import { type Catalogue, catalogueSchema } from '../protocol/catalogue.ts';
import { type CatalogueCollection, catalogueEntries, DISTRICT_SCOPE } from '../protocol/centre.ts';
import { newId } from '../protocol/ids.ts';
import type { Actor, RequestEventType, RequestTarget } from '../protocol/records.ts';
import { applyRequestEvent } from '../protocol/request-state.ts';
import type { CentreEventResult, PublishResult, Storage } from './storage/types.ts';

/**
 * Publishing centre-born data (the CLI and the demo bootstrap use these; the staff console will too).
 * A catalogue is validated with the shared catalogueSchema before anything is written.
 */
export type CatalogueScope = 'station' | 'district';

export const parseCatalogue = (input: unknown) => catalogueSchema.safeParse(input);

/**
 * Publishes a catalogue in one transaction. Station scope: everything for the catalogue's station. District
 * scope: the menu, roster, notices and amenities for every station; the station settings stay the station's own.
 */
export const publishCatalogue = async (storage: Storage, catalogue: Catalogue, scope: CatalogueScope, now: Date): Promise<PublishResult> => {
  const all = catalogueEntries(catalogue);
  const stationId = catalogue.station.stationId;
  if (scope === 'station') return storage.publish({ scope: stationId, collections: all, now });
  const { settings, ...shared } = all;
  const district = await storage.publish({ scope: DISTRICT_SCOPE, collections: shared as Partial<Record<CatalogueCollection, typeof settings>>, now });
  const own = await storage.publish({ scope: stationId, collections: { settings }, now });
  return { put: district.put + own.put, deleted: district.deleted + own.deleted, unchanged: district.unchanged + own.unchanged };
};

/** Appends a centre (or member) event to a request, through the shared state machine. */
export const appendRequestEvent = (
  storage: Storage,
  input: { requestId: string; type: RequestEventType; actor: Actor; note?: string; memberId?: string; unitId?: string; target?: RequestTarget; now: Date },
): Promise<CentreEventResult> =>
  storage.appendCentreRequestEvent({
    event: {
      id: newId(),
      requestId: input.requestId,
      type: input.type,
      actor: input.actor,
      ...(input.note ? { note: input.note } : {}),
      ...(input.memberId ? { memberId: input.memberId } : {}),
      ...(input.unitId ? { unitId: input.unitId } : {}),
      ...(input.target ? { target: input.target } : {}),
    },
    now: input.now,
    validate: (status) => {
      const result = applyRequestEvent(status, { type: input.type, actor: input.actor });
      return result.ok ? result : { ok: false, reason: result.reason };
    },
  });
