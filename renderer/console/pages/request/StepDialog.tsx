import type { RequestAction, RequestDetail } from '@protocol/console/dispatch.ts';
import type { StaffRole } from '@protocol/console/session.ts';
import type { RequestTarget } from '@protocol/records.ts';
import { communityScope, DISTRICT_SCOPE } from '@protocol/centre.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { isApiError } from '../../api/errors.ts';
import type { Directory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { noteRequired, type StaffStep } from './steps.ts';

const targetKey = (target: RequestTarget | null): string => (target ? (target.type === 'unit' ? `unit:${target.unitId}` : `member:${target.memberId}`) : '');
const targetOf = (key: string): RequestTarget | null => {
  const [type, id] = key.split(':');
  if (!id) return null;
  return type === 'unit' ? { type: 'unit', unitId: id } : { type: 'member', memberId: id };
};

/**
 * One step's form. Dispatch (派单) asks where to: a partner unit or a member of the station's community; staff
 * taking a request record for whom; steps that need a reason ask for it. A refusal comes back in words.
 */
export function StepDialog({
  step,
  detail,
  role,
  directory,
  onClose,
  onDone,
  onStale,
}: {
  step: StaffStep;
  detail: RequestDetail;
  role: StaffRole;
  directory: Directory;
  onClose: () => void;
  onDone: (detail: RequestDetail) => void;
  /** The server refused the step on a newer state of the request: read it again. */
  onStale: () => void;
}) {
  const { t } = useTranslation('request');
  const localized = useLocalized();
  const client = useClient();
  const { station } = useOrganisation();
  const { request } = detail;
  const communityId = station(request.stationId)?.communityId ?? request.communityId;
  const inScope = (scope: string) => scope === DISTRICT_SCOPE || (communityId !== null && scope === communityScope(communityId));
  const units = directory.units.filter((item) => inScope(item.scope));
  const members = directory.members.filter((item) => inScope(item.scope));
  const needsTarget = step === 'dispatch' || (step === 'take' && role.kind !== 'unit-lead');
  const [target, setTarget] = useState(step === 'take' ? targetKey(request.dispatchedTo) : '');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<'target' | 'note' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = targetOf(target);
    if (step === 'dispatch' && !chosen) return setProblem('target');
    if (noteRequired[step] && !note.trim()) return setProblem('note');
    setProblem(null);
    const text = note.trim() ? { note: note.trim() } : {};
    const action: RequestAction =
      step === 'dispatch' && chosen
        ? { type: 'dispatch', target: chosen, ...text }
        : step === 'take'
          ? { type: 'take', ...(chosen && role.kind !== 'unit-lead' ? { for: chosen } : {}), ...text }
          : step === 'complete'
            ? { type: 'complete', ...text }
            : { type: step as 'handover' | 'cancel' | 'reopen' | 'note', note: note.trim() };
    setBusy(true);
    setError(null);
    try {
      onDone(await client.call('requestAction', { params: { requestId: request.id }, body: action }));
    } catch (failure) {
      setError(failure);
      if (isApiError(failure, 'refused') || isApiError(failure, 'conflict')) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t(`action.${step}`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="step-form" className="btn btn--primary" disabled={busy}>
            {t(`confirm.${step}`)}
          </button>
        </>
      }
    >
      <form id="step-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">{t(`explain.${step}`)}</p>
        {error ? <ErrorNotice error={error} /> : null}
        {needsTarget ? (
          <FieldSet legend={step === 'dispatch' ? t('target.to') : t('target.for')}>
            <Field label={t('target.label')} error={problem === 'target' ? t('target.missing') : undefined}>
              <select className="select" value={target} onChange={(event) => setTarget(event.target.value)}>
                <option value="">{t('target.choose')}</option>
                <optgroup label={t('target.units')}>
                  {units.map((item) => (
                    <option key={item.value.id} value={`unit:${item.value.id}`}>
                      {localized(item.value.name)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('target.members')}>
                  {members.map((item) => (
                    <option key={item.value.id} value={`member:${item.value.id}`}>
                      {item.value.name}（{directory.unitName(item.value.unitId)}）
                    </option>
                  ))}
                </optgroup>
              </select>
            </Field>
          </FieldSet>
        ) : null}
        <Field label={noteRequired[step] ? t('note.required') : t('note.optional')} error={problem === 'note' ? t('note.missing') : undefined}>
          <textarea className="textarea" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
