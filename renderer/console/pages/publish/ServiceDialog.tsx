import { type ExtendedHours, extendedHours, type Service, type ServiceCategory, serviceSchema, type ServiceWay } from '@protocol/catalogue.ts';
import type { ConsoleStation } from '@protocol/console/organisation.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { emptyLocalized, isFilled, LocalizedInput, trimmed } from '../../ui/LocalizedInput.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { slugFrom } from '../../ui/slug.ts';
import { availableAt } from './availability.ts';
import { type ItemOf, usePublish } from './published.ts';

type Draft = Omit<Service, 'ways' | 'bring'> & { bring: string[][]; volunteer: boolean; office: { office: Service['name']; address: Service['name']; hours: Service['name'] } | null; online: { channel: Service['name']; url: string } | null; steps: string[][] };

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
const pairLines = (pairs: string[][]) => [pairs.map((pair) => pair[0] ?? '').join('\n'), pairs.map((pair) => pair[1] ?? '').join('\n')] as const;
const zipLines = (zh: string, en: string): string[][] => {
  const left = lines(zh);
  const right = lines(en);
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => [left[i] ?? '', right[i] ?? '']);
};

const draftOf = (service: Service | null, categoryId: string, order: number): Draft => {
  const ways = service?.ways ?? [];
  const office = ways.find((way): way is Extract<ServiceWay, { type: 'office' }> => way.type === 'office');
  const online = ways.find((way): way is Extract<ServiceWay, { type: 'online' }> => way.type === 'online');
  const self = ways.find((way): way is Extract<ServiceWay, { type: 'self' }> => way.type === 'self');
  return {
    id: service?.id ?? '',
    categoryId: service?.categoryId ?? categoryId,
    name: service?.name ?? emptyLocalized(),
    icon: service?.icon ?? '🤝',
    summary: service?.summary ?? emptyLocalized(),
    provider: service?.provider ?? emptyLocalized(),
    hours: service?.hours ?? emptyLocalized(),
    extended: service?.extended ?? [],
    order: service?.order ?? order,
    ...(service?.stationIds ? { stationIds: service.stationIds } : {}),
    bring: (service?.bring ?? []).map((item) => [item['zh-CN'], item.en]),
    volunteer: service ? ways.some((way) => way.type === 'volunteer') : true,
    office: office ? { office: office.office, address: office.address, hours: office.hours } : null,
    online: online ? { channel: online.channel, url: online.url } : null,
    steps: (self?.steps ?? []).map((step) => [step['zh-CN'], step.en]),
  };
};

const serviceOf = (draft: Draft): Service => {
  const ways: ServiceWay[] = [
    ...(draft.steps.length ? [{ type: 'self' as const, steps: draft.steps.map(([zh = '', en = '']) => ({ 'zh-CN': zh, en })) }] : []),
    ...(draft.volunteer ? [{ type: 'volunteer' as const }] : []),
    ...(draft.office ? [{ type: 'office' as const, office: trimmed(draft.office.office), address: trimmed(draft.office.address), hours: trimmed(draft.office.hours) }] : []),
    ...(draft.online ? [{ type: 'online' as const, channel: trimmed(draft.online.channel), url: draft.online.url.trim() }] : []),
  ];
  const { bring, volunteer: _volunteer, office: _office, online: _online, steps: _steps, ...rest } = draft;
  return {
    ...rest,
    name: trimmed(draft.name),
    summary: trimmed(draft.summary),
    provider: trimmed(draft.provider),
    hours: trimmed(draft.hours),
    bring: bring.map(([zh = '', en = '']) => ({ 'zh-CN': zh, en })),
    ways,
  };
};

/**
 * A service of the menu, as the kiosk shows it: names and texts in both languages, its category, extended hours
 * (evening hour, red weekend), what to bring, and the ways to get it (steps to do it oneself, a volunteer at the
 * station, an office, an online channel), and the stations that offer it. Checked against the catalogue's
 * schema before it is sent.
 */
export function ServiceDialog({
  scope,
  item,
  categories,
  stations,
  nextOrder,
  onClose,
  onSaved,
}: {
  scope: string;
  item: ItemOf<'services'> | null;
  categories: readonly ServiceCategory[];
  stations: readonly ConsoleStation[];
  nextOrder: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('publish');
  const localized = useLocalized();
  const publish = usePublish();
  const [draft, setDraft] = useState<Draft>(() => draftOf(item?.value ?? null, categories[0]?.id ?? 'other', nextOrder));
  const [checked, setChecked] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<Draft>) => setDraft((before) => ({ ...before, ...patch }));
  const [bringZh, bringEn] = pairLines(draft.bring);
  const [stepsZh, stepsEn] = pairLines(draft.steps);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const value = serviceOf({ ...draft, id: draft.id || slugFrom(draft.name.en, 'service') });
    const parsed = serviceSchema.safeParse(value);
    if (!parsed.success || !isFilled(value.name)) return setInvalid(true);
    setInvalid(false);
    setError(null);
    try {
      await publish.put('services', scope, parsed.data, item?.version ?? null);
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  const toggleExtended = (kind: ExtendedHours, on: boolean) => set({ extended: on ? [...draft.extended, kind] : draft.extended.filter((other) => other !== kind) });
  const availability = (stationId: string, on: boolean) => {
    const current = stations.map((station) => station.id).filter((id) => availableAt(draft, id));
    const next = on ? [...current, stationId] : current.filter((id) => id !== stationId);
    const { stationIds: _before, ...rest } = draft;
    setDraft(next.length === stations.length ? rest : { ...rest, stationIds: next });
  };

  return (
    <Dialog
      wide
      title={item ? t('services.edit', { name: localized(item.value.name) }) : t('services.new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="service-form" className="btn btn--primary">
            {t('publishNow')}
          </button>
        </>
      }
    >
      <form id="service-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {invalid ? <Notice tone="error">{t('invalid')}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <LocalizedInput legend={t('services.name')} value={draft.name} onChange={(name) => set({ name })} error={checked} maxLength={40} />
        <div className="form__row">
          <Field label={t('services.icon')} hint={t('services.iconHint')}>
            <input className="input emoji" maxLength={8} value={draft.icon} onChange={(event) => set({ icon: event.target.value })} />
          </Field>
          <Field label={t('services.category')}>
            <select className="select" value={draft.categoryId} onChange={(event) => set({ categoryId: event.target.value })}>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {localized(category.name)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('services.order')}>
            <input className="input" type="number" min={0} value={draft.order} onChange={(event) => set({ order: Number(event.target.value) || 0 })} />
          </Field>
        </div>
        <LocalizedInput legend={t('services.summary')} value={draft.summary} onChange={(summary) => set({ summary })} error={checked} multiline maxLength={300} />
        <LocalizedInput legend={t('services.provider')} value={draft.provider} onChange={(provider) => set({ provider })} error={checked} />
        <LocalizedInput legend={t('services.hours')} value={draft.hours} onChange={(hours) => set({ hours })} error={checked} />
        <FieldSet legend={t('services.extended')}>
          <div className="checks">
            {extendedHours.map((kind) => (
              <label key={kind} className="check">
                <input type="checkbox" checked={draft.extended.includes(kind)} onChange={(event) => toggleExtended(kind, event.target.checked)} />
                {t(`extended.${kind}`)}
              </label>
            ))}
          </div>
        </FieldSet>
        <FieldSet legend={t('services.stations')}>
          <div className="checks">
            {stations.map((station) => (
              <label key={station.id} className="check">
                <input type="checkbox" checked={availableAt(draft, station.id)} onChange={(event) => availability(station.id, event.target.checked)} />
                {station.name}
              </label>
            ))}
          </div>
        </FieldSet>
        <FieldSet legend={t('services.bring')}>
          <p className="field__hint">{t('linesHint')}</p>
          <div className="form__row">
            <Field label={t('console:localized.zh')}>
              <textarea className="textarea" lang="zh-CN" value={bringZh} onChange={(event) => set({ bring: zipLines(event.target.value, bringEn) })} />
            </Field>
            <Field label={t('console:localized.en')}>
              <textarea className="textarea" lang="en" value={bringEn} onChange={(event) => set({ bring: zipLines(bringZh, event.target.value) })} />
            </Field>
          </div>
        </FieldSet>
        <FieldSet legend={t('services.ways')}>
          <label className="check">
            <input type="checkbox" checked={draft.volunteer} onChange={(event) => set({ volunteer: event.target.checked })} />
            {t('services.way.volunteer')}
          </label>
          <p className="field__label">{t('services.way.self')}</p>
          <p className="field__hint">{t('linesHint')}</p>
          <div className="form__row">
            <Field label={t('console:localized.zh')}>
              <textarea className="textarea" lang="zh-CN" value={stepsZh} onChange={(event) => set({ steps: zipLines(event.target.value, stepsEn) })} />
            </Field>
            <Field label={t('console:localized.en')}>
              <textarea className="textarea" lang="en" value={stepsEn} onChange={(event) => set({ steps: zipLines(stepsZh, event.target.value) })} />
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.office !== null} onChange={(event) => set({ office: event.target.checked ? { office: emptyLocalized(), address: emptyLocalized(), hours: emptyLocalized() } : null })} />
            {t('services.way.office')}
          </label>
          {draft.office ? (
            <>
              <LocalizedInput legend={t('services.officeName')} value={draft.office.office} onChange={(office) => draft.office && set({ office: { ...draft.office, office } })} error={checked} />
              <LocalizedInput legend={t('services.officeAddress')} value={draft.office.address} onChange={(address) => draft.office && set({ office: { ...draft.office, address } })} error={checked} />
              <LocalizedInput legend={t('services.officeHours')} value={draft.office.hours} onChange={(hours) => draft.office && set({ office: { ...draft.office, hours } })} error={checked} />
            </>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={draft.online !== null} onChange={(event) => set({ online: event.target.checked ? { channel: emptyLocalized(), url: 'https://' } : null })} />
            {t('services.way.online')}
          </label>
          {draft.online ? (
            <>
              <LocalizedInput legend={t('services.channel')} value={draft.online.channel} onChange={(channel) => draft.online && set({ online: { ...draft.online, channel } })} error={checked} />
              <Field label={t('services.url')}>
                <input className="input" type="url" value={draft.online.url} onChange={(event) => draft.online && set({ online: { ...draft.online, url: event.target.value } })} />
              </Field>
            </>
          ) : null}
        </FieldSet>
      </form>
    </Dialog>
  );
}
