import type { DeadLetter } from '@protocol/console/stations.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useApi } from '../../api/useApi.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { StationSelect } from '../../ui/CommunitySelect.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

const keyOf = (letter: DeadLetter) => `${letter.stationId}/${letter.epoch}/${letter.seq}`;

/**
 * Records a station sent that the server could not take (dead letters): why, in words, with the record as it
 * arrived, to look into and mark resolved with a note. They never block a tablet's sync; this is where they are
 * not forgotten.
 */
export default function DeadLettersPage() {
  const { t } = useTranslation('stations');
  const format = useFormat();
  const { stationName } = useOrganisation();
  const [stationId, setStationId] = useQueryParam('station');
  const [show, setShow] = useQueryParam('show');
  const resolved = show === 'resolved' ? true : show === 'all' ? undefined : false;
  const list = useApi('deadLetters', { query: { ...(stationId ? { stationId } : {}), ...(resolved === undefined ? {} : { resolved: String(resolved) as 'true' | 'false' }) } });
  const [resolving, setResolving] = useState<DeadLetter | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('dead.title')} lead={t('dead.lead')} />
      <div className="toolbar">
        <StationSelect communityId={null} value={stationId} onChange={setStationId} />
        <Field label={t('dead.show')}>
          <select className="select" value={show || 'open'} onChange={(event) => setShow(event.target.value === 'open' ? '' : event.target.value)}>
            <option value="open">{t('dead.open')}</option>
            <option value="resolved">{t('dead.resolvedOnes')}</option>
            <option value="all">{t('dead.all')}</option>
          </select>
        </Field>
      </div>
      {message ? <Notice tone="ok">{message}</Notice> : null}
      {list.error ? <ErrorNotice error={list.error} retry={list.reload} /> : null}
      {!list.data ? (
        list.loading ? <Loading /> : null
      ) : list.data.deadLetters.length === 0 ? (
        <Notice tone="ok">{t('dead.none')}</Notice>
      ) : (
        <ul className="dead-letters">
          {list.data.deadLetters.map((letter) => (
            <li key={keyOf(letter)} className="card dead-letter">
              <div className="dead-letter__head">
                <h2 className="dead-letter__title">
                  {stationName(letter.stationId)} · {t(`dead.reason.${letter.reason}`)}
                </h2>
                {letter.resolution ? (
                  <span className="badge badge--ok">{t('dead.resolved')}</span>
                ) : (
                  <button type="button" className="btn btn--small" onClick={() => setResolving(letter)}>
                    {t('dead.resolve')}
                  </button>
                )}
              </div>
              <dl className="facts facts--inline">
                <dt>{t('dead.received')}</dt>
                <dd>{format.dateTime(letter.receivedAt)}</dd>
                <dt>{t('dead.kind')}</dt>
                <dd>{letter.kind ?? '—'}</dd>
                <dt>{t('dead.record')}</dt>
                <dd className="mono">{letter.recordId ?? '—'}</dd>
                <dt>{t('dead.place')}</dt>
                <dd className="mono">
                  {letter.epoch} #{letter.seq}
                </dd>
                {letter.detail ? (
                  <>
                    <dt>{t('dead.detail')}</dt>
                    <dd>{letter.reason === 'illegal-transition' ? t(`inbox:refusal.${letter.detail}`, { defaultValue: letter.detail }) : letter.detail}</dd>
                  </>
                ) : null}
              </dl>
              <p className="muted">{t(`dead.explain.${letter.reason}`)}</p>
              {letter.reason === 'content-conflict' && letter.stored !== null ? (
                <ConflictVersions stored={letter.stored} setAside={letter.payload} />
              ) : (
                <details className="payload">
                  <summary>{t('dead.payload')}</summary>
                  {letter.payload === null ? <p className="muted">{t('dead.purged')}</p> : <pre className="mono">{JSON.stringify(letter.payload, null, 2)}</pre>}
                </details>
              )}
              {letter.resolution ? (
                <p className="dead-letter__resolution">
                  {letter.resolution.staff
                    ? t('dead.resolvedBy', { name: letter.resolution.staff.name, at: format.dateTime(letter.resolution.at) })
                    : t('dead.resolvedAt', { at: format.dateTime(letter.resolution.at) })}：{letter.resolution.note}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {resolving ? (
        <ResolveDialog
          letter={resolving}
          onClose={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            setMessage(t('dead.done'));
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** The top-level fields whose values differ between two versions of a record, in the stored version's order. */
const differingFields = (stored: unknown, setAside: unknown): string[] => {
  const fields = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const [a, b] = [fields(stored), fields(setAside)];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
};

/**
 * A content conflict: the station sent a record under an id it had already stored, with other content. Staff see
 * both side by side, with the fields that differ named, to tell which one the station meant.
 */
function ConflictVersions({ stored, setAside }: { stored: unknown; setAside: unknown }) {
  const { t, i18n } = useTranslation('stations');
  const differing = setAside === null ? [] : differingFields(stored, setAside);
  return (
    <div className="conflict">
      {differing.length > 0 ? <p>{t('dead.differing', { fields: new Intl.ListFormat(i18n.language).format(differing) })}</p> : null}
      <div className="conflict__versions">
        <section className="conflict__version" aria-label={t('dead.storedVersion')}>
          <h3>{t('dead.storedVersion')}</h3>
          <pre className="mono">{JSON.stringify(stored, null, 2)}</pre>
        </section>
        <section className="conflict__version" aria-label={t('dead.setAsideVersion')}>
          <h3>{t('dead.setAsideVersion')}</h3>
          {setAside === null ? <p className="muted">{t('dead.purged')}</p> : <pre className="mono">{JSON.stringify(setAside, null, 2)}</pre>}
        </section>
      </div>
    </div>
  );
}

function ResolveDialog({ letter, onClose, onResolved }: { letter: DeadLetter; onClose: () => void; onResolved: () => void }) {
  const { t } = useTranslation('stations');
  const client = useClient();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return setMissing(true);
    try {
      await client.call('resolveDeadLetter', { body: { stationId: letter.stationId, epoch: letter.epoch, seq: letter.seq, note: note.trim() } });
      onResolved();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog
      title={t('dead.resolve')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="resolve-form" className="btn btn--primary">
            {t('dead.resolve')}
          </button>
        </>
      }
    >
      <form id="resolve-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t('dead.note')} hint={t('dead.noteHint')} error={missing ? t('dead.noteMissing') : undefined}>
          <textarea className="textarea" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
