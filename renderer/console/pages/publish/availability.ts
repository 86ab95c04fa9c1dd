import type { Service } from '@protocol/catalogue.ts';

/**
 * Where a community's service is offered: `stationIds` lists the stations of the community that offer it, and
 * no list means all of them (what the kiosk reads, catalogue.ts). Ticking every station goes back to no list, so
 * a station added to the community later offers the service too.
 */
export const availableAt = (service: Pick<Service, 'stationIds'>, stationId: string): boolean => service.stationIds === undefined || service.stationIds.includes(stationId);

export const withAvailability = (service: Service, communityStations: readonly string[], stationId: string, available: boolean): Service => {
  const current = communityStations.filter((id) => availableAt(service, id));
  const next = available ? [...new Set([...current, stationId])] : current.filter((id) => id !== stationId);
  const { stationIds: _before, ...rest } = service;
  return communityStations.every((id) => next.includes(id)) ? rest : { ...rest, stationIds: communityStations.filter((id) => next.includes(id)) };
};
