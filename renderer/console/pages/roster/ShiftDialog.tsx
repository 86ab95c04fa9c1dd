import { communityScope, DISTRICT_SCOPE } from '@protocol/centre.ts';
import { type Shift, shiftKinds, shiftSchema } from '@protocol/catalogue.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { slugFrom } from '../../ui/slug.ts';
import { usePublish } from '../publish/published.ts';
import { todayAtStations } from './calendar.ts';
import type { ShiftEntry } from './RosterPage.tsx';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * One shift of the station's roster: a member on one date, or every week on some weekdays (between two dates
 * if it should end); its hours (an end before the start runs past midnight) and its kind (regular, evening
 * hour, red weekend).
 */
export function ShiftDialog({ stationId, communityId, entry, directory, onClose, onSaved }: { stationId: string; communityId: string; entry: ShiftEntry | null; directory: Directory; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('roster');
  const publish = usePublish();
  const shift = entry?.shift;
  const members = directory.members.filter((item) => item.scope === DISTRICT_SCOPE || item.scope === communityScope(communityId));
  const [memberId, setMemberId] = useState(shift?.memberId ?? members[0]?.value.id ?? '');
  const [repeat, setRepeat] = useState(shift ? shift.weekdays !== undefined : false);
  const [date, setDate] = useState(shift?.date ?? todayAtStations());
  const [weekdays, setWeekdays] = useState<number[]>(shift?.weekdays ?? [1]);
  const [from, setFrom] = useState(shift?.from ?? '');
  const [until, setUntil] = useState(shift?.until ?? '');
  const [start, setStart] = useState(shift?.start ?? '09:00');
  const [end, setEnd] = useState(shift?.end ?? '12:00');
  const [kind, setKind] = useState<Shift['kind']>(shift?.kind ?? 'regular');
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = {
      id: shift?.id ?? slugFrom('', 'shift'),
      memberId,
      start,
      end,
      kind,
      ...(repeat ? { weekdays: [...weekdays].sort(), ...(from ? { from } : {}), ...(until ? { until } : {}) } : { date }),
    };
    const parsed = shiftSchema.safeParse(value);
    if (!parsed.success || (repeat && from && until && until < from)) return setInvalid(true);
    setInvalid(false);
    setError(null);
    try {
      await publish.put('shifts', stationId, parsed.data, entry?.version ?? null);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Dialog
      title={shift ? t('shift.edit') : t('shift.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="shift-form" className="btn btn--primary">
            {t('publish:publishNow')}
          </button>
        </>
      }
    >
      <form id="shift-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {invalid ? <Notice tone="error">{t('shift.invalid')}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t('shift.member')}>
          <select className="select" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
            {members.map((item) => (
              <option key={item.value.id} value={item.value.id}>
                {item.value.name}（{directory.unitName(item.value.unitId)}）
              </option>
            ))}
          </select>
        </Field>
        <FieldSet legend={t('shift.when')}>
          <div className="checks">
            <label className="check">
              <input type="radio" name="repeat" checked={!repeat} onChange={() => setRepeat(false)} />
              {t('shift.once')}
            </label>
            <label className="check">
              <input type="radio" name="repeat" checked={repeat} onChange={() => setRepeat(true)} />
              {t('shift.weekly')}
            </label>
          </div>
          {repeat ? (
            <>
              <div className="checks">
                {WEEK_ORDER.map((day) => (
                  <label key={day} className="check">
                    <input type="checkbox" checked={weekdays.includes(day)} onChange={(event) => setWeekdays(event.target.checked ? [...weekdays, day] : weekdays.filter((other) => other !== day))} />
                    {t(`publish:weekday.${day}`)}
                  </label>
                ))}
              </div>
              <div className="form__row">
                <Field label={t('shift.from')}>
                  <input className="input" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
                </Field>
                <Field label={t('shift.until')}>
                  <input className="input" type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
                </Field>
              </div>
            </>
          ) : (
            <Field label={t('shift.date')}>
              <input className="input" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            </Field>
          )}
        </FieldSet>
        <div className="form__row">
          <Field label={t('shift.start')}>
            <input className="input" type="time" value={start} onChange={(event) => setStart(event.target.value)} />
          </Field>
          <Field label={t('shift.end')} hint={t('shift.overnight')}>
            <input className="input" type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
          </Field>
          <Field label={t('shift.kind')}>
            <select className="select" value={kind} onChange={(event) => setKind(event.target.value as Shift['kind'])}>
              {shiftKinds.map((option) => (
                <option key={option} value={option}>
                  {t(`kind.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
