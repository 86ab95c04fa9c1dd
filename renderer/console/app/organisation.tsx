import type { Community, ConsoleStation, Organisation } from '@protocol/console/organisation.ts';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useQueryState } from './router.tsx';

interface OrganisationValue {
  organisation: Organisation;
  reload(): void;
  community(id: string | null | undefined): Community | undefined;
  station(id: string): ConsoleStation | undefined;
  /** A station's name (its id when the console does not know it, e.g. outside the staff member's scope). */
  stationName(id: string): string;
  communityName(id: string | null | undefined): string;
  stationsOf(communityId: string | null): ConsoleStation[];
}

const OrganisationContext = createContext<OrganisationValue | null>(null);

/** The part of the organisation tree the staff member sees (subdistricts, communities, stations), read once. */
export function OrganisationProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('console');
  const localized = useLocalized();
  const { data, error, reload } = useApi('organisation', {});
  const value = useMemo<OrganisationValue | null>(() => {
    if (!data) return null;
    const communities = new Map(data.communities.map((community) => [community.id, community]));
    const stations = new Map(data.stations.map((station) => [station.id, station]));
    return {
      organisation: data,
      reload,
      community: (id) => (id ? communities.get(id) : undefined),
      station: (id) => stations.get(id),
      stationName: (id) => stations.get(id)?.name ?? id,
      communityName: (id) => {
        const community = id ? communities.get(id) : undefined;
        return community ? localized(community.name) : id ?? t('scope.none');
      },
      stationsOf: (communityId) => data.stations.filter((station) => communityId === null || station.communityId === communityId),
    };
  }, [data, reload, localized, t]);
  if (error && !value) return <ErrorNotice error={error} retry={reload} />;
  if (!value) return <Loading />;
  return <OrganisationContext.Provider value={value}>{children}</OrganisationContext.Provider>;
}

export const useOrganisation = (): OrganisationValue => {
  const value = useContext(OrganisationContext);
  if (!value) throw new Error('useOrganisation outside OrganisationProvider');
  return value;
};

/**
 * The community a page works on, kept in the address (?community=…) so a reload or a shared link keeps it:
 * the one asked for if the staff member sees it, else their first. null when they see none.
 */
export const useCommunityChoice = (): [Community | null, (id: string) => void] => {
  const { organisation } = useOrganisation();
  const [query, setQuery] = useQueryState();
  const asked = query.get('community');
  const community = organisation.communities.find((candidate) => candidate.id === asked) ?? organisation.communities[0] ?? null;
  const choose = useCallback(
    (id: string) => {
      const next = new URLSearchParams(query);
      next.set('community', id);
      setQuery(next);
    },
    [query, setQuery],
  );
  return [community, choose];
};
