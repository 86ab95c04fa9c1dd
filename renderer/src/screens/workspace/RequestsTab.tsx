import type { Member } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { RequestCard } from './RequestCard.tsx';
import { useStationRequests } from './useStationRequests.ts';

/** The station's requests (群众点单): open ones first, then those in hand, then the week's finished ones. */
export function RequestsTab({ member }: { member: Member }) {
  const { t } = useTranslation('volunteer');
  const views = useStationRequests();
  if (!views) return null;
  if (views.length === 0) return <p className="muted">{t('requests.empty')}</p>;
  return (
    <ul className="list">
      {views.map((view) => <RequestCard key={view.request.id} view={view} member={member} />)}
    </ul>
  );
}
