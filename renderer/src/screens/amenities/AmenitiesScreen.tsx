import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { AmenityCard } from './AmenityCard.tsx';
import './amenities.css';

/** What the station offers free on the spot or on loan, with an anonymous one-tap tally of each use. */
export default function AmenitiesScreen() {
  const { t } = useTranslation('amenities');
  const localize = useLocalized();
  const { db } = useStore();
  const amenities = useLiveQuery(() => db.amenities.orderBy('order').toArray(), [db]);
  const speech = [t('title'), t('lead'), ...(amenities ?? []).map((a) => t('speechItem', { name: localize(a.name), description: localize(a.description) }))].join('。');
  return (
    <Screen title={t('title')} lead={t('lead')} speech={speech}>
      {amenities?.length === 0 ? <p className="notice-banner">{t('empty')}</p> : null}
      <ul className="amenity-list">
        {(amenities ?? []).map((amenity) => (
          <AmenityCard key={amenity.id} amenity={amenity} />
        ))}
      </ul>
      <p className="muted">{t('anonymous')}</p>
    </Screen>
  );
}
