import { communityScope } from '@protocol/centre.ts';
import { shiftKinds } from '@protocol/catalogue.ts';
import { generateRotation, type RotationSlot, type RotationTemplate } from '@protocol/console/rotation.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useApi } from '../../api/useApi.ts';
import type { Directory } from '../../app/directory.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { mondayOf, todayAtStations } from './calendar.ts';
import { moveUnit, newRotationTemplate, rotationProblems } from './rotation-draft.ts';

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * The partner units' rotation (the source has 13 units on rotation): the order units take their turn, a day or
 * a week each, which of each unit's members staff the turn, and the slots of a turn (daytime, evening hour, red
 * weekend). Saved per station; "generate" publishes a month of dated shifts from it, replacing exactly what an
 * earlier generation of that month made. The preview is the same pure generator the server runs.
 */
export function RotationDialog({ stationId, communityId, directory, month: initialMonth, onClose, onGenerated }: { stationId: string; communityId: string; directory: Directory; month: string; onClose: () => void; onGenerated: (message: string) => void }) {
  const { t } = useTranslation('roster');
  const localized = useLocalized();
  const client = useClient();
  const saved = useApi('rotationTemplate', { params: { stationId } });
  const scope = communityScope(communityId);
  const units = directory.units.filter((item) => item.scope === scope);
  const membersOf = (unitId: string) => directory.members.filter((item) => item.scope === scope && item.value.unitId === unitId);
  const [edited, setTemplate] = useState<RotationTemplate | null>(null);
  const [month, setMonth] = useState(initialMonth);
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // The saved template until the form changes it; without one, the source's pattern over the community's units.
  const template =
    edited ??
    (saved.data
      ? (saved.data.template?.template ??
        newRotationTemplate(
          units.map((unit) => ({ unitId: unit.value.id, memberIds: membersOf(unit.value.id).map((item) => item.value.id) })),
          mondayOf(todayAtStations()),
        ))
      : null);

  if (saved.error) return <Dialog title={t('rotation.title')} onClose={onClose}><ErrorNotice error={saved.error} retry={saved.reload} /></Dialog>;
  if (!template) return <Dialog title={t('rotation.title')} onClose={onClose}><Loading /></Dialog>;

  const problems = rotationProblems(template);
  const set = (patch: Partial<RotationTemplate>) => {
    setStatus(null);
    setTemplate({ ...template, ...patch });
  };
  const setSlot = (index: number, patch: Partial<RotationSlot>) => set({ slots: template.slots.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)) });
  const preview = problems.size === 0 ? generateRotation(template, month) : [];
  const unused = units.filter((unit) => !template.units.some((entry) => entry.unitId === unit.value.id));

  const save = async () => {
    setChecked(true);
    if (problems.size > 0) return false;
    setBusy(true);
    setError(null);
    try {
      await client.call('saveRotationTemplate', { params: { stationId }, body: { template, expectedVersion: saved.data?.template?.version ?? null } });
      saved.reload();
      setStatus(t('rotation.saved'));
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const generate = async () => {
    setChecked(true);
    if (problems.size > 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.call('generateRotation', { body: { stationId, month, template } });
      onGenerated(t('rotation.generated', { count: result.put, month }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      wide
      title={t('rotation.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.close')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
            {t('rotation.save')}
          </button>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void generate()}>
            {t('rotation.generate', { month })}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="muted">{t('rotation.explain')}</p>
        {status ? <Notice tone="ok">{status}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        {checked && problems.size > 0 ? <Notice tone="error">{[...problems].map((problem) => t(`rotation.problem.${problem}`)).join(' ')}</Notice> : null}
        <div className="form__row">
          <Field label={t('rotation.turn')}>
            <select className="select" value={template.turn} onChange={(event) => set({ turn: event.target.value === 'day' ? 'day' : 'week' })}>
              <option value="week">{t('rotation.turnWeek')}</option>
              <option value="day">{t('rotation.turnDay')}</option>
            </select>
          </Field>
          <Field label={t('rotation.anchor')} hint={t('rotation.anchorHint')}>
            <input className="input" type="date" value={template.anchor} onChange={(event) => set({ anchor: event.target.value })} />
          </Field>
        </div>
        <FieldSet legend={t('rotation.order', { count: template.units.length })}>
          <ol className="rotation-units">
            {template.units.map((entry, index) => (
              <li key={entry.unitId} className="rotation-units__item">
                <div className="rotation-units__head">
                  <strong>{directory.unitName(entry.unitId)}</strong>
                  <span className="row-actions">
                    <button type="button" className="btn btn--small" disabled={index === 0} onClick={() => set(moveUnit(template, index, -1))} aria-label={t('rotation.up', { name: directory.unitName(entry.unitId) })}>
                      ↑
                    </button>
                    <button type="button" className="btn btn--small" disabled={index === template.units.length - 1} onClick={() => set(moveUnit(template, index, 1))} aria-label={t('rotation.down', { name: directory.unitName(entry.unitId) })}>
                      ↓
                    </button>
                    <button type="button" className="btn btn--small btn--danger" onClick={() => set({ units: template.units.filter((_, i) => i !== index) })} aria-label={t('rotation.remove', { name: directory.unitName(entry.unitId) })}>
                      ✕
                    </button>
                  </span>
                </div>
                <div className="checks">
                  {membersOf(entry.unitId).map((item) => (
                    <label key={item.value.id} className="check">
                      <input
                        type="checkbox"
                        checked={entry.memberIds.includes(item.value.id)}
                        onChange={(event) =>
                          set({
                            units: template.units.map((other, i) =>
                              i === index ? { ...other, memberIds: event.target.checked ? [...other.memberIds, item.value.id] : other.memberIds.filter((id) => id !== item.value.id) } : other,
                            ),
                          })
                        }
                      />
                      {item.value.name}
                    </label>
                  ))}
                </div>
              </li>
            ))}
          </ol>
          {unused.length ? (
            <div className="form__row">
              {unused.map((unit) => (
                <button
                  key={unit.value.id}
                  type="button"
                  className="btn btn--small"
                  onClick={() => set({ units: [...template.units, { unitId: unit.value.id, memberIds: membersOf(unit.value.id).slice(0, 2).map((item) => item.value.id) }] })}
                >
                  + {localized(unit.value.name)}
                </button>
              ))}
            </div>
          ) : null}
        </FieldSet>
        <FieldSet legend={t('rotation.slots')}>
          {template.slots.map((slot, index) => (
            <div key={index} className="rotation-slot">
              <div className="checks">
                {WEEK_ORDER.map((day) => (
                  <label key={day} className="check">
                    <input type="checkbox" checked={slot.weekdays.includes(day)} onChange={(event) => setSlot(index, { weekdays: event.target.checked ? [...slot.weekdays, day].sort() : slot.weekdays.filter((other) => other !== day) })} />
                    {t(`publish:weekday.${day}`)}
                  </label>
                ))}
              </div>
              <div className="form__row">
                <Field label={t('shift.start')}>
                  <input className="input" type="time" value={slot.start} onChange={(event) => setSlot(index, { start: event.target.value })} />
                </Field>
                <Field label={t('shift.end')}>
                  <input className="input" type="time" value={slot.end} onChange={(event) => setSlot(index, { end: event.target.value })} />
                </Field>
                <Field label={t('shift.kind')}>
                  <select className="select" value={slot.kind} onChange={(event) => setSlot(index, { kind: event.target.value as RotationSlot['kind'] })}>
                    {shiftKinds.map((option) => (
                      <option key={option} value={option}>
                        {t(`kind.${option}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <button type="button" className="btn btn--small btn--danger" onClick={() => set({ slots: template.slots.filter((_, i) => i !== index) })}>
                  {t('rotation.removeSlot')}
                </button>
              </div>
            </div>
          ))}
          {template.slots.length < 8 ? (
            <button type="button" className="btn btn--small" onClick={() => set({ slots: [...template.slots, { weekdays: [1, 2, 3, 4, 5], start: '09:00', end: '12:00', kind: 'regular' }] })}>
              {t('rotation.addSlot')}
            </button>
          ) : null}
        </FieldSet>
        <FieldSet legend={t('rotation.generateLegend')}>
          <Field label={t('rotation.month')}>
            <input className="input" type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
          </Field>
          <p role="status">{problems.size === 0 ? t('rotation.preview', { count: preview.length, month }) : ''}</p>
        </FieldSet>
      </div>
    </Dialog>
  );
}
