import { useLocalized } from '@shared/i18n/setup.ts';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../app/organisation.tsx';
import { Field } from './Field.tsx';

/**
 * Which community a page shows. Offered only when the staff member has more than one; `all` adds "all
 * communities" (value '') for pages that can add them up.
 */
export function CommunitySelect({ value, onChange, all = false }: { value: string; onChange: (id: string) => void; all?: boolean }) {
  const { t } = useTranslation('console');
  const localized = useLocalized();
  const { organisation } = useOrganisation();
  if (organisation.communities.length < 2) return null;
  return (
    <Field label={t('scope.community')}>
      <select className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {all ? <option value="">{t('scope.allCommunities')}</option> : null}
        {organisation.communities.map((community) => (
          <option key={community.id} value={community.id}>
            {localized(community.name)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Which station, among a community's (or all in scope): '' is all of them. */
export function StationSelect({ communityId, value, onChange, all = true, label }: { communityId: string | null; value: string; onChange: (id: string) => void; all?: boolean; label?: string }) {
  const { t } = useTranslation('console');
  const { stationsOf } = useOrganisation();
  return (
    <Field label={label ?? t('scope.station')}>
      <select className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {all ? <option value="">{t('scope.allStations')}</option> : null}
        {stationsOf(communityId).map((station) => (
          <option key={station.id} value={station.id}>
            {station.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
