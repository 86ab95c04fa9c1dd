import type { ShiftSessionView } from '@protocol/console/reports.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useApi } from '../../api/useApi.ts';
import type { Directory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { instantFromStationLocal, stationLocalInput } from '../../ui/station-time.ts';

type Decision = 'approve' | 'correct' | 'decline';

/** The month's shifts waiting for a decision, each with why it needs one, and the three decisions. */
export function ReviewQueue({ month, where, mayReview, directory, onReviewed }: { month: string; where: { communityId?: string; stationId?: string }; mayReview: boolean; directory: Directory; onReviewed: () => void }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const { stationName } = useOrganisation();
  const queue = useApi('hoursSessions', { query: { month, ...where, needsReview: 'true' } });
  const [deciding, setDeciding] = useState<{ session: ShiftSessionView; decision: Decision } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const who = (session: ShiftSessionView) => (session.memberId ? directory.memberName(session.memberId) : (session.walkInName ?? t('hours.noName')));
  return (
    <section className="section" aria-labelledby="review-title">
      <h2 id="review-title" className="section__title">
        {t('review.title', { count: queue.data?.sessions.length ?? 0 })}
      </h2>
      <p className="muted">{t('review.lead')}</p>
      {done ? <Notice tone="ok">{done}</Notice> : null}
      {queue.error ? <ErrorNotice error={queue.error} retry={queue.reload} /> : null}
      {!queue.data ? (
        queue.loading ? <Loading /> : null
      ) : queue.data.sessions.length === 0 ? (
        <Notice tone="ok">{t('review.none')}</Notice>
      ) : (
        <ul className="review-list">
          {queue.data.sessions.map((session) => (
            <li key={session.signInId} className="card review-item">
              <div className="review-item__head">
                <h3 className="review-item__who">
                  {who(session)} · {stationName(session.stationId)}
                </h3>
                <span className="review-item__flags">
                  {session.flags.map((flag) => (
                    <span key={flag} className="badge badge--warn">
                      {t(`review.flag.${flag}`)}
                    </span>
                  ))}
                </span>
              </div>
              <dl className="facts facts--inline">
                <dt>{t('review.signedIn')}</dt>
                <dd>{format.dateTime(session.start)}</dd>
                <dt>{t('review.signedOut')}</dt>
                <dd>{session.end ? `${format.dateTime(session.end)}（${t(`review.closedBy.${session.closedBy ?? 'member'}`)}）` : t('review.stillOpen')}</dd>
                <dt>{t('review.scheduled')}</dt>
                <dd>{session.scheduled ? `${format.dateTime(session.scheduled.start)}–${format.time(session.scheduled.end)}` : t('review.unscheduled')}</dd>
                <dt>{t('review.credited')}</dt>
                <dd>{format.hours(session.minutes)}</dd>
              </dl>
              {mayReview ? (
                <div className="row-actions">
                  {(['approve', 'correct', 'decline'] as const).map((decision) => (
                    <button key={decision} type="button" className={`btn btn--small ${decision === 'approve' ? 'btn--primary' : decision === 'decline' ? 'btn--danger' : ''}`} onClick={() => setDeciding({ session, decision })} aria-label={t(`review.${decision}Of`, { name: who(session) })}>
                      {t(`review.${decision}`)}
                    </button>
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {deciding ? (
        <ReviewDialog
          session={deciding.session}
          decision={deciding.decision}
          name={who(deciding.session)}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDone(t(`review.done.${deciding.decision}`, { name: who(deciding.session) }));
            setDeciding(null);
            queue.reload();
            onReviewed();
          }}
        />
      ) : null}
    </section>
  );
}

function ReviewDialog({ session, decision, name, onClose, onDone }: { session: ShiftSessionView; decision: Decision; name: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('reports');
  const client = useClient();
  const [reason, setReason] = useState('');
  const [start, setStart] = useState(stationLocalInput(session.start));
  const [end, setEnd] = useState(stationLocalInput(session.end ?? session.scheduled?.end ?? session.start));
  const [problem, setProblem] = useState<'reason' | 'times' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('reason');
    const startAt = instantFromStationLocal(start);
    const endAt = instantFromStationLocal(end);
    if (decision === 'correct' && (!startAt || !endAt || Date.parse(startAt) >= Date.parse(endAt))) return setProblem('times');
    setProblem(null);
    try {
      await client.call('reviewHours', {
        body: decision === 'correct' && startAt && endAt ? { signInId: session.signInId, decision, start: startAt, end: endAt, reason: reason.trim() } : { signInId: session.signInId, decision: decision as 'approve' | 'decline', reason: reason.trim() },
      });
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog
      title={t(`review.${decision}Title`, { name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="review-form" className="btn btn--primary">
            {t(`review.${decision}`)}
          </button>
        </>
      }
    >
      <form id="review-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{t(`review.${decision}Explain`)}</p>
        {error ? <ErrorNotice error={error} /> : null}
        {decision === 'correct' ? (
          <div className="form__row">
            <Field label={t('review.realStart')} error={problem === 'times' ? t('review.timesInvalid') : undefined}>
              <input className="input" type="datetime-local" value={start} onChange={(event) => setStart(event.target.value)} />
            </Field>
            <Field label={t('review.realEnd')}>
              <input className="input" type="datetime-local" value={end} onChange={(event) => setEnd(event.target.value)} />
            </Field>
          </div>
        ) : null}
        <Field label={t('review.reason')} hint={t('review.reasonHint')} error={problem === 'reason' ? t('review.reasonMissing') : undefined}>
          <textarea className="textarea" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
