import type { Member } from '@protocol/catalogue.ts';
import type { ReferralEventType } from '@protocol/records.ts';
import { applyReferralEvent } from '@protocol/referral-state.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { commitRecord } from '../../store/commit.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { nextToCall, type QueueItem } from '../../volunteers/queue.ts';
import { CallDisplay } from './CallDisplay.tsx';
import { RevealPhone } from './RevealPhone.tsx';
import { useQueue } from './useQueue.ts';
import { stationClock } from '../../volunteers/station-time.ts';

/** Items drawn at once: a busy day's queue stays quick to draw; the volunteer works from the top anyway. */
const PAGE = 20;

const steps: readonly { type: Exclude<ReferralEventType, 'call'>; icon: string }[] = [
  { type: 'serve', icon: '🤝' },
  { type: 'done', icon: '✔' },
  { type: 'pass-on', icon: '➡' },
  { type: 'no-show', icon: '∅' },
];

/**
 * The day's queue of residents sent to the desk (a service, a bill): call the next number (shown large and read
 * out on the residents' side), serve, done, passed on to an office, or not there. Every step is a referral event
 * through the outbox; a step the queue's state machine refuses is not offered.
 */
export function QueueTab({ member }: { member: Member }) {
  const { t } = useTranslation('volunteer');
  const localize = useLocalized();
  const { db } = useStore();
  const stationId = useRecordStationId();
  const queue = useQueue();
  const names = useLiveQuery(async () => new Map((await db.services.toArray()).map((s) => [s.id, s])), [db]);
  const [calling, setCalling] = useState<{ queueNo: string; callId: string } | null>(null);
  const [passing, setPassing] = useState<QueueItem | null>(null);
  const [office, setOffice] = useState('');
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState(PAGE);

  const record = async (item: QueueItem, type: ReferralEventType, note?: string) => {
    try {
      const event = await commitRecord(db, 'referral-event', stationId, () => ({ kind: 'referral-event', referralId: item.referral.id, type, memberId: member.id, ...(note ? { note } : {}) }));
      if (type === 'call') setCalling({ queueNo: item.referral.queueNo, callId: event.id });
    } catch (error) {
      console.error('queue step not saved', error);
      setFailed(true);
    }
  };

  if (!queue) return null;
  const next = nextToCall(queue);
  const what = (item: QueueItem) => {
    const service = names?.get(item.referral.serviceId);
    const bill = item.referral.bill ? t(`bills:utilities.${item.referral.bill.utility}`) : null;
    return [service ? localize(service.name) : item.referral.serviceId, bill].filter(Boolean).join(' · ');
  };
  const officeOf = (item: QueueItem) => {
    const way = names?.get(item.referral.serviceId)?.ways.find((w) => w.type === 'office');
    return way?.type === 'office' ? localize(way.office) : '';
  };

  return (
    <div className="queue">
      {calling ? <CallDisplay key={calling.callId} queueNo={calling.queueNo} onClose={() => setCalling(null)} /> : null}
      {failed ? <p className="error-banner" role="alert">{t('common:storage.failed')}</p> : null}
      <div className="queue__head">
        <p className="queue__count">{t('queue.waiting', { count: queue.active.filter((i) => i.status === 'waiting').length })}</p>
        <Button variant="primary" large icon="📣" disabled={!next} onClick={() => next && record(next, 'call')}>
          {next ? t('queue.callNext', { number: next.referral.queueNo }) : t('queue.nobodyWaiting')}
        </Button>
      </div>
      {passing ? (
        <div className="card pass-on">
          <label className="field__label" htmlFor="pass-on-office">{t('queue.passOnTo', { number: passing.referral.queueNo })}</label>
          <input id="pass-on-office" className="field__input" value={office} maxLength={200} onChange={(e) => setOffice(e.target.value)} />
          <div className="actions">
            <Button large onClick={() => setPassing(null)}>{t('queue.cancel')}</Button>
            <Button variant="primary" large disabled={!office.trim()} onClick={() => { void record(passing, 'pass-on', office.trim()); setPassing(null); }}>{t('queue.steps.pass-on')}</Button>
          </div>
        </div>
      ) : null}
      {queue.active.length === 0 ? <p className="muted">{t('queue.empty')}</p> : null}
      <ul className="list">
        {queue.active.slice(0, shown).map((item) => (
          <li key={item.referral.id} className={`card queue-item queue-item--${item.status}`}>
            <span className="queue-item__number">{item.referral.queueNo}</span>
            <div className="queue-item__main">
              <p className="queue-item__what">{what(item)}</p>
              <p className="muted">
                <span className="pill">{t(`queue.status.${item.status}`)}</span> {t('queue.since', { time: stationClock(Date.parse(item.referral.at)) })}
                {item.calls > 1 ? ` · ${t('queue.calls', { count: item.calls })}` : ''}
              </p>
              {item.referral.contact ? <RevealPhone contact={item.referral.contact} subject={{ kind: 'referral', id: item.referral.id }} memberId={member.id} /> : null}
              <div className="actions queue-item__actions">
                {applyReferralEvent(item.status, 'call').ok ? <Button icon="📣" onClick={() => record(item, 'call')}>{t(item.calls > 0 ? 'queue.callAgain' : 'queue.call')}</Button> : null}
                {steps
                  .filter((step) => applyReferralEvent(item.status, step.type).ok)
                  .map((step) => (
                    <Button
                      key={step.type}
                      icon={step.icon}
                      onClick={() => (step.type === 'pass-on' ? (setPassing(item), setOffice(officeOf(item))) : record(item, step.type))}
                    >
                      {t(`queue.steps.${step.type}`)}
                    </Button>
                  ))}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {queue.active.length > shown ? (
        <Button large onClick={() => setShown(shown + PAGE)}>{t('queue.more', { count: queue.active.length - shown })}</Button>
      ) : null}
      {queue.finished.length > 0 ? (
        <details className="queue__finished">
          <summary className="btn btn--quiet">{t('queue.finished', { count: queue.finished.length })}</summary>
          <ul className="list">
            {queue.finished.slice(0, PAGE).map((item) => (
              <li key={item.referral.id} className="card queue-item queue-item--finished">
                <span className="queue-item__number">{item.referral.queueNo}</span>
                <div className="queue-item__main">
                  <p className="queue-item__what">{what(item)}</p>
                  <p className="muted">{t(`queue.status.${item.status}`)}{item.passedTo ? ` · ${item.passedTo}` : ''}</p>
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
