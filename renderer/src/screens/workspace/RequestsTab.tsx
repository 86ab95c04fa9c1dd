import type { Member } from '@protocol/catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { RequestCard, useRosterNames } from './RequestCard.tsx';
import { useStationRequests } from './useStationRequests.ts';

/** Cards drawn at once, the most urgent first; more on request. */
const PAGE = 20;

/** The station's requests (群众点单): open ones first, then those in hand, then the week's finished ones. */
export function RequestsTab({ member }: { member: Member }) {
  const { t } = useTranslation('volunteer');
  const views = useStationRequests();
  const names = useRosterNames();
  const [shown, setShown] = useState(PAGE);
  if (!views) return null;
  if (views.length === 0) return <p className="muted">{t('requests.empty')}</p>;
  return (
    <>
      <ul className="list">
        {views.slice(0, shown).map((view) => <RequestCard key={view.request.id} view={view} member={member} names={names} />)}
      </ul>
      {views.length > shown ? <Button large onClick={() => setShown(shown + PAGE)}>{t('requests.more', { count: views.length - shown })}</Button> : null}
    </>
  );
}
