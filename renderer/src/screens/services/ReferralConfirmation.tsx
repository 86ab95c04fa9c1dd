import { maskName, maskPhone } from '@protocol/masking.ts';
import type { Referral } from '@protocol/records.ts';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../ui/Confirmation.tsx';
import { spokenQueueNumber } from './referral.ts';
import './services.css';

/**
 * The end of every referral: the queue number as large as the screen allows (the resident waits for it to be
 * called), what it is for, and what happens next. Personal details are shown masked and never read aloud.
 */
export function ReferralConfirmation({ referral, subject, help, children }: { referral: Referral; subject: string; help: string; children?: ReactNode }) {
  const { t } = useTranslation('services');
  const ticket = useRef<HTMLDivElement>(null);
  // The ask button sits low on a long page and the ticket replaces that page in place: show the ticket from its
  // top, and if the number still falls below the fold (large type on a tablet on its side), scroll just enough.
  useEffect(() => {
    ticket.current?.closest('section')?.scrollIntoView({ block: 'start' });
    ticket.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const title = t('referral.title');
  const next = [t('referral.wait'), help, t('referral.ask')];
  const speech = [title, t('referral.numberSpoken', { number: spokenQueueNumber(referral.queueNo) }), t('referral.subject', { subject }), ...next].join('。');
  return (
    <Confirmation title={title} speech={speech}>
      <div className="svc-done">
        <div className="card svc-ticket" ref={ticket}>
          <p className="field__label">{t('referral.numberLabel')}</p>
          <p className="big-number svc-ticket__number">{referral.queueNo}</p>
          <p className="muted">{t('referral.keep')}</p>
        </div>
        <div className="card svc-ticket__details">
          <p>{t('referral.subject', { subject })}</p>
          {children}
          {referral.contact?.name ? <p>{t('referral.name', { name: maskName(referral.contact.name) })}</p> : null}
          {referral.contact?.phone ? <p>{t('referral.phone', { phone: maskPhone(referral.contact.phone) })}</p> : null}
          <h2 className="card__title svc-ticket__next">{t('referral.nextTitle')}</h2>
          <ol className="svc-steps">
            {next.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </div>
      </div>
    </Confirmation>
  );
}
