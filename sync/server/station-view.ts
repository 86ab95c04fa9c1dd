import type { Change } from '../protocol/wire.ts';

/**
 * A pulled change as one station should see it. A service a community publishes lists the stations that offer
 * it (catalogue.ts `stationIds`; none: all of them): to a station left out it goes as withdrawn, so the tablet
 * never shows a service its station does not offer, and drops one its station stopped offering. Every other
 * change goes as it is.
 */
export const changeForStation = (change: Change, stationId: string): Change => {
  if (change.op !== 'put' || change.collection !== 'services') return change;
  const stationIds = (change.value as { stationIds?: unknown } | null)?.stationIds;
  if (!Array.isArray(stationIds) || stationIds.includes(stationId)) return change;
  return { seq: change.seq, collection: change.collection, id: change.id, op: 'delete' };
};
