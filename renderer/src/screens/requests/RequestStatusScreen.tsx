import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteParams } from '../../app/navigation.tsx';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Keypad } from '../../ui/Keypad.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { findRequest } from './find-request.ts';
import { groupRequestNumber, isRequestNumber, REQUEST_NUMBER_MAX_DIGITS, requestNumberDigits, spokenDigits } from '@shared/format/request-number.ts';
import { RequestSummary } from './RequestSummary.tsx';
import { RequestTimeline } from './RequestTimeline.tsx';
import { useTopOnStep } from './useTopOnStep.ts';
import './requests.css';

/**
 * 查询办理进度: the resident types the number from the receipt and sees where the request is in the loop, as
 * far as this tablet knows. The result follows the store live, so an event that syncs in shows at once.
 */
export default function RequestStatusScreen() {
  const { t } = useTranslation('requests');
  const { db } = useStore();
  const { number } = useRouteParams('requestStatus');
  const [typed, setTyped] = useState(number ?? '');
  const [query, setQuery] = useState(number !== undefined && isRequestNumber(number) ? number : undefined);
  const [invalid, setInvalid] = useState(number !== undefined && !isRequestNumber(number));
  const found = useLiveQuery(async () => (query ? findRequest(db, query) : undefined), [db, query]);

  const lookUp = (value: string) => {
    const valid = isRequestNumber(value);
    setInvalid(!valid);
    setQuery(valid ? value : undefined);
  };
  const type = (value: string) => {
    setTyped(value);
    setInvalid(false);
    // The last digit of a number as long as today's completes it, so it is looked up at once: one tap fewer for
    // the resident. From 2041 numbers have eight digits; an older seven-digit one then waits for the search button.
    setQuery(isRequestNumber(value) && value.length === requestNumberDigits(new Date()) ? value : undefined);
  };
  useTopOnStep(query && found ? 'result' : 'entry');

  if (query && found) {
    const status = found.status ?? 'pending';
    const headline = t('status.now', { status: t(`status.reached.${status}`) });
    const explain = t(`status.explain.${status}`);
    return (
      <Screen title={t('status.title')} speech={[t('status.title'), t('status.numberSpoken', { digits: spokenDigits(query) }), headline, explain].join('。')}>
        <div className="request-status">
          <div className="card request-status__main">
            <p className="field__label">{t('status.number')}</p>
            <p className="request-status__number">{groupRequestNumber(query)}</p>
            <p className="request-status__headline">{headline}</p>
            <p>{explain}</p>
            <RequestSummary request={found.request} />
            <p className="muted">{t('status.localOnly')}</p>
            <Button
              icon="🔢"
              onClick={() => {
                setQuery(undefined);
                setTyped('');
              }}
            >
              {t('status.another')}
            </Button>
          </div>
          <div className="card">
            <h2 className="card__title">{t('status.progress')}</h2>
            <RequestTimeline progress={found} />
          </div>
        </div>
      </Screen>
    );
  }

  return (
    <Screen title={t('status.title')} lead={t('status.lead')}>
      <div className="request-lookup">
        <Keypad label={t('status.keypad')} value={typed} maxLength={REQUEST_NUMBER_MAX_DIGITS} display={groupRequestNumber(typed)} onChange={type} />
        <div className="request-lookup__side">
          <Button variant="primary" large block icon="🔍" onClick={() => lookUp(typed)}>{t('status.search')}</Button>
          {invalid ? <p className="error-banner" role="alert">{t('common:validation.requestNumber')}</p> : null}
          {query && found === null ? <p className="notice-banner" role="status">{t('status.notFound', { number: groupRequestNumber(query) })}</p> : null}
          <p className="muted">{t('status.where')}</p>
        </div>
      </div>
    </Screen>
  );
}
