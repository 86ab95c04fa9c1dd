import { communityScope } from '@protocol/centre.ts';
import { type Notice as NoticeValue, noticeKinds, noticeSchema } from '@protocol/catalogue.ts';
import type { ConsoleStation } from '@protocol/console/organisation.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { emptyLocalized, isFilled, LocalizedInput, trimmed } from '../../ui/LocalizedInput.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { slugFrom } from '../../ui/slug.ts';
import { type ItemOf, usePublish } from './published.ts';

/**
 * A notice or activity: kind, title and text in both languages, the place, when it starts (an activity) and
 * when it comes off the screens, pinned or not, and where: the whole community or one station. Moving it to
 * another place withdraws it from the old one.
 */
export function NoticeDialog({ communityId, stations, item, onClose, onSaved }: { communityId: string; stations: readonly ConsoleStation[]; item: ItemOf<'notices'> | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('publish');
  const publish = usePublish();
  const notice = item?.value;
  const [scope, setScope] = useState(item?.scope ?? communityScope(communityId));
  const [kind, setKind] = useState<NoticeValue['kind']>(notice?.kind ?? 'notice');
  const [title, setTitle] = useState(notice?.title ?? emptyLocalized());
  const [body, setBody] = useState(notice?.body ?? emptyLocalized());
  const [place, setPlace] = useState(notice?.place ?? emptyLocalized());
  const [startsAt, setStartsAt] = useState(notice?.startsAt ?? '');
  const [endsAt, setEndsAt] = useState(notice?.endsAt ?? '');
  const [pinned, setPinned] = useState(notice?.pinned ?? false);
  const [checked, setChecked] = useState(false);
  const [invalid, setInvalid] = useState<'fields' | 'order' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const value: NoticeValue = {
      id: notice?.id ?? slugFrom(title.en, 'notice'),
      kind,
      title: trimmed(title),
      body: trimmed(body),
      ...(isFilled(place) ? { place: trimmed(place) } : {}),
      ...(startsAt ? { startsAt } : {}),
      ...(endsAt ? { endsAt } : {}),
      ...(pinned ? { pinned: true } : {}),
      publishedAt: notice?.publishedAt ?? new Date().toISOString(),
    };
    const parsed = noticeSchema.safeParse(value);
    if (!parsed.success) return setInvalid('fields');
    if (startsAt && endsAt && endsAt < startsAt) return setInvalid('order');
    setInvalid(null);
    setError(null);
    try {
      if (item && item.scope !== scope) {
        await publish.put('notices', scope, parsed.data, null);
        await publish.withdraw(item);
      } else {
        await publish.put('notices', scope, parsed.data, item?.version ?? null);
      }
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Dialog
      wide
      title={item ? t('notices.edit') : t('notices.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="notice-form" className="btn btn--primary">
            {t('publishNow')}
          </button>
        </>
      }
    >
      <form id="notice-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {invalid === 'fields' ? <Notice tone="error">{t('invalid')}</Notice> : null}
        {invalid === 'order' ? <Notice tone="error">{t('notices.endsBeforeStart')}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="form__row">
          <Field label={t('notices.where')}>
            <select className="select" value={scope} onChange={(event) => setScope(event.target.value)}>
              <option value={communityScope(communityId)}>{t('notices.wholeCommunity')}</option>
              {stations.map((station) => (
                <option key={station.id} value={station.id}>
                  {station.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('notices.kind')}>
            <select className="select" value={kind} onChange={(event) => setKind(event.target.value as NoticeValue['kind'])}>
              {noticeKinds.map((option) => (
                <option key={option} value={option}>
                  {t(`noticeKind.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <LocalizedInput legend={t('notices.noticeTitle')} value={title} onChange={setTitle} error={checked} maxLength={60} />
        <LocalizedInput legend={t('notices.body')} value={body} onChange={setBody} error={checked} multiline maxLength={1000} />
        <LocalizedInput legend={t('notices.place')} value={place} onChange={setPlace} />
        <div className="form__row">
          <Field label={t('notices.startsAt')} hint={t('notices.startsHint')}>
            <input className="input" type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value.slice(0, 16))} />
          </Field>
          <Field label={t('notices.endsAt')} hint={t('notices.endsHint')}>
            <input className="input" type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value.slice(0, 16))} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.target.checked)} />
          {t('notices.pinThis')}
        </label>
      </form>
    </Dialog>
  );
}
