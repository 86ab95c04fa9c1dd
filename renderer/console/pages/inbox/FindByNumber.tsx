import type { RequestSummary } from '@protocol/console/dispatch.ts';
import { groupRequestNumber } from '@shared/format/request-number.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useOrganisation } from '../../app/organisation.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { StatusBadge } from '../../ui/RequestBadges.tsx';
import { receiptNumberOf } from './inbox-filters.ts';

/**
 * Finds a request by the resident's receipt number (what they read out over the phone or at the desk): one match
 * opens it; several (numbers repeat across stations and years) are listed to choose from.
 */
export function FindByNumber() {
  const { t } = useTranslation('inbox');
  const client = useClient();
  const format = useFormat();
  const errorText = useErrorText();
  const { navigate } = useRouter();
  const { stationName } = useOrganisation();
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [choices, setChoices] = useState<RequestSummary[] | null>(null);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const number = receiptNumberOf(typed);
    if (!number) {
      setMessage(t('find.invalid'));
      return;
    }
    setMessage(null);
    try {
      const { requests } = await client.call('requestsByNumber', { params: { number } });
      if (requests.length === 1 && requests[0]) navigate(`/requests/${requests[0].id}`);
      else if (requests.length === 0) setMessage(t('find.none', { number: groupRequestNumber(number) }));
      else setChoices(requests);
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  return (
    <form className="form form--inline" onSubmit={(event) => void find(event)} role="search" aria-label={t('find.landmark')}>
      <div className="field">
        <label className="field__label" htmlFor="find-number">
          {t('find.label')}
        </label>
        <input
          id="find-number"
          className="input mono"
          inputMode="numeric"
          autoComplete="off"
          placeholder="2475-740"
          value={typed}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'find-number-message' : undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        {message ? (
          <p className="field__error" id="find-number-message" role="alert">
            {message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn btn--primary">
        {t('console:action.search')}
      </button>
      {choices ? (
        <Dialog title={t('find.several', { number: groupRequestNumber(choices[0]?.number ?? '') })} onClose={() => setChoices(null)}>
          <ul className="choice-list">
            {choices.map((request) => (
              <li key={request.id}>
                <Link to={`/requests/${request.id}`}>
                  {stationName(request.stationId)} · {format.dateTime(request.submittedAt)}
                </Link>{' '}
                <StatusBadge status={request.status} />
              </li>
            ))}
          </ul>
        </Dialog>
      ) : null}
    </form>
  );
}
