import { defaultVolunteerPolicy, type StationSettings, stationSettingsSchema } from '@protocol/catalogue.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunityChoice, useOrganisation } from '../../app/organisation.tsx';
import { useQueryParam } from '../../app/router.tsx';
import { CommunitySelect, StationSelect } from '../../ui/CommunitySelect.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { LocalizedInput } from '../../ui/LocalizedInput.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type ItemOf, usePublish, usePublished } from './published.ts';
import { defaultStationSettings, editableSettings } from './station-settings.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 0];

/**
 * One station's settings as its tablet applies them: name and address, opening hours, the evening hour
 * (晚间一小时) and red weekend (红色周末), how soon the screen resets, how long personal fields stay on the
 * tablet, and the volunteers' sign-in policy.
 */
export default function StationSettingsPage() {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const { stationsOf } = useOrganisation();
  const [community, setCommunity] = useCommunityChoice();
  const [stationParam, setStationParam] = useQueryParam('station');
  const stations = community ? stationsOf(community.id) : [];
  const station = stations.find((candidate) => candidate.id === stationParam) ?? stations[0];
  const settings = usePublished('settings', station?.id);
  // The page's, not the form's: a save reloads the settings, and the new version remounts the form.
  const [savedFor, setSavedFor] = useState<string | null>(null);
  if (!community) return <Notice tone="info">{t('console:scope.noCommunity')}</Notice>;
  const item = settings.items.find((candidate) => candidate.id === station?.id);
  return (
    <>
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <div className="toolbar">
        <CommunitySelect value={community.id} onChange={setCommunity} />
        <StationSelect communityId={community.id} value={station?.id ?? ''} onChange={setStationParam} all={false} />
      </div>
      {!station ? (
        <Notice tone="info">{t('settings.noStations')}</Notice>
      ) : settings.error ? (
        <ErrorNotice error={settings.error} retry={settings.reload} />
      ) : !settings.loaded ? (
        <Loading />
      ) : (
        <>
          {savedFor === station.id ? <Notice tone="ok">{t('console:saved')}</Notice> : null}
          <SettingsForm
            key={`${station.id}/${item?.version ?? 0}`}
            item={item ?? null}
            initial={item ? editableSettings(item.value) : defaultStationSettings(station.id, station.name, community.name)}
            onSaved={() => {
              setSavedFor(station.id);
              settings.reload();
            }}
            onEdited={() => setSavedFor(null)}
            stationLabel={`${station.name} · ${localized(community.name)}`}
          />
        </>
      )}
    </>
  );
}

function SettingsForm({ item, initial, onSaved, onEdited, stationLabel }: { item: ItemOf<'settings'> | null; initial: StationSettings; onSaved: () => void; onEdited: () => void; stationLabel: string }) {
  const { t } = useTranslation('publish');
  const publish = usePublish();
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<StationSettings>) => {
    onEdited();
    setDraft((before) => ({ ...before, ...patch }));
  };
  const policy = draft.volunteers ?? defaultVolunteerPolicy;
  const setPolicy = (patch: Partial<typeof policy>) => set({ volunteers: { ...policy, ...patch } });
  const bad = (path: string) => (invalid.has(path) ? t('settings.invalidField') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = stationSettingsSchema.safeParse(draft);
    if (!parsed.success) return setInvalid(new Set(parsed.error.issues.map((issue) => issue.path.join('.'))));
    setInvalid(new Set());
    setError(null);
    try {
      await publish.put('settings', draft.stationId, parsed.data, item?.version ?? null);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };
  const clock = (label: string, value: string, onChange: (next: string) => void, path: string) => (
    <Field label={label} error={bad(path)}>
      <input className="input" type="time" value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
  const number = (label: string, value: number, onChange: (next: number) => void, path: string, hint?: string) => (
    <Field label={label} hint={hint} error={bad(path)}>
      <input className="input" type="number" value={value} onChange={(event) => onChange(Number(event.target.value))} />
    </Field>
  );

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate aria-label={stationLabel}>
      {invalid.size > 0 ? <Notice tone="error">{t('invalid')}</Notice> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {item === null ? <Notice tone="info">{t('settings.notYet')}</Notice> : null}
      <LocalizedInput legend={t('settings.name')} value={draft.name} onChange={(name) => set({ name })} error={invalid.size > 0} />
      <LocalizedInput legend={t('settings.community')} value={draft.community} onChange={(community) => set({ community })} error={invalid.size > 0} />
      <LocalizedInput legend={t('settings.address')} value={draft.address} onChange={(address) => set({ address })} error={invalid.size > 0} />
      <div className="form__row">
        <Field label={t('settings.phone')} error={bad('phone')}>
          <input className="input" inputMode="tel" value={draft.phone} onChange={(event) => set({ phone: event.target.value.replace(/\D/g, '') })} />
        </Field>
      </div>
      <FieldSet legend={t('settings.hours')}>
        <div className="form__row">
          {clock(t('settings.open'), draft.hours.open, (open) => set({ hours: { ...draft.hours, open } }), 'hours.open')}
          {clock(t('settings.close'), draft.hours.close, (close) => set({ hours: { ...draft.hours, close } }), 'hours.close')}
        </div>
      </FieldSet>
      <FieldSet legend={t('extended.evening-hour')}>
        <div className="form__row">
          {clock(t('settings.start'), draft.eveningHour.start, (start) => set({ eveningHour: { ...draft.eveningHour, start } }), 'eveningHour.start')}
          {clock(t('settings.end'), draft.eveningHour.end, (end) => set({ eveningHour: { ...draft.eveningHour, end } }), 'eveningHour.end')}
        </div>
      </FieldSet>
      <FieldSet legend={t('extended.red-weekend')}>
        <div className="checks">
          {weekdays.map((day) => (
            <label key={day} className="check">
              <input
                type="checkbox"
                checked={draft.redWeekend.weekdays.includes(day)}
                onChange={(event) =>
                  set({ redWeekend: { ...draft.redWeekend, weekdays: event.target.checked ? [...draft.redWeekend.weekdays, day].sort() : draft.redWeekend.weekdays.filter((other) => other !== day) } })
                }
              />
              {t(`weekday.${day}`)}
            </label>
          ))}
        </div>
        <div className="form__row">
          {clock(t('settings.start'), draft.redWeekend.start, (start) => set({ redWeekend: { ...draft.redWeekend, start } }), 'redWeekend.start')}
          {clock(t('settings.end'), draft.redWeekend.end, (end) => set({ redWeekend: { ...draft.redWeekend, end } }), 'redWeekend.end')}
        </div>
      </FieldSet>
      <FieldSet legend={t('settings.screen')}>
        <div className="form__row">
          {number(t('settings.resetSeconds'), draft.idle.resetSeconds, (resetSeconds) => set({ idle: { ...draft.idle, resetSeconds } }), 'idle.resetSeconds', t('settings.resetHint'))}
          {number(t('settings.elderlyResetSeconds'), draft.idle.elderlyResetSeconds, (elderlyResetSeconds) => set({ idle: { ...draft.idle, elderlyResetSeconds } }), 'idle.elderlyResetSeconds')}
          {number(t('settings.attractSeconds'), draft.idle.attractSeconds, (attractSeconds) => set({ idle: { ...draft.idle, attractSeconds } }), 'idle.attractSeconds')}
          {number(t('settings.retentionDays'), draft.retentionDays, (retentionDays) => set({ retentionDays }), 'retentionDays', t('settings.retentionHint'))}
        </div>
      </FieldSet>
      <FieldSet legend={t('settings.volunteers')}>
        <div className="form__row">
          {number(t('settings.lateAfterMinutes'), policy.lateAfterMinutes, (lateAfterMinutes) => setPolicy({ lateAfterMinutes }), 'volunteers.lateAfterMinutes')}
          {number(t('settings.autoSignOutAfterMinutes'), policy.autoSignOutAfterMinutes, (autoSignOutAfterMinutes) => setPolicy({ autoSignOutAfterMinutes }), 'volunteers.autoSignOutAfterMinutes', t('settings.autoSignOutHint'))}
          {number(t('settings.unscheduledMaxHours'), policy.unscheduledMaxHours, (unscheduledMaxHours) => setPolicy({ unscheduledMaxHours }), 'volunteers.unscheduledMaxHours')}
          {number(t('settings.workspaceLockSeconds'), policy.workspaceLockSeconds, (workspaceLockSeconds) => setPolicy({ workspaceLockSeconds }), 'volunteers.workspaceLockSeconds')}
        </div>
        <div className="form__row">
          <Field label={t('settings.autoCredit')}>
            <select className="select" value={policy.autoCredit} onChange={(event) => setPolicy({ autoCredit: event.target.value === 'none' ? 'none' : 'scheduled-end' })}>
              <option value="scheduled-end">{t('settings.credit.scheduled-end')}</option>
              <option value="none">{t('settings.credit.none')}</option>
            </select>
          </Field>
          <label className="check">
            <input type="checkbox" checked={policy.signature} onChange={(event) => setPolicy({ signature: event.target.checked })} />
            {t('settings.signature')}
          </label>
        </div>
      </FieldSet>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary">
          {t('publishNow')}
        </button>
      </div>
    </form>
  );
}
