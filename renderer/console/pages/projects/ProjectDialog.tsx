import type { Project } from '@protocol/console/projects.ts';
import type { RequestSummary } from '@protocol/console/dispatch.ts';
import { communityScope, DISTRICT_SCOPE } from '@protocol/centre.ts';
import { groupRequestNumber } from '@shared/format/request-number.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useDirectory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice, useErrorText } from '../../ui/ErrorNotice.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { receiptNumberOf } from '../inbox/inbox-filters.ts';

/**
 * A project's form: its title and description, the needs it groups (added by receipt number, from the
 * community's stations) and the members who serve it; marking it completed. Changes carry the version they were
 * made on, so a colleague's change meanwhile is refused rather than overwritten.
 */
export function ProjectDialog({ communityId, project, onClose, onSaved }: { communityId: string; project: Project | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('projects');
  const client = useClient();
  const errorText = useErrorText();
  const directory = useDirectory();
  const { stationName } = useOrganisation();
  const [title, setTitle] = useState(project?.title ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [completed, setCompleted] = useState(project?.status === 'completed');
  const [memberIds, setMemberIds] = useState<string[]>(project?.memberIds ?? []);
  const [requestIds, setRequestIds] = useState<string[]>(project?.requestIds ?? []);
  const [found, setFound] = useState<Map<string, RequestSummary>>(new Map());
  const [number, setNumber] = useState('');
  const [numberMessage, setNumberMessage] = useState<string | null>(null);
  const [titleMissing, setTitleMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const members = directory.members.filter((item) => item.scope === DISTRICT_SCOPE || item.scope === communityScope(communityId));

  const addByNumber = async () => {
    const digits = receiptNumberOf(number);
    if (!digits) return setNumberMessage(t('inbox:find.invalid'));
    try {
      const { requests } = await client.call('requestsByNumber', { params: { number: digits } });
      const ours = requests.filter((request) => request.communityId === communityId);
      if (ours.length === 0) return setNumberMessage(t('inbox:find.none', { number: groupRequestNumber(digits) }));
      setFound((before) => new Map([...before, ...ours.map((request) => [request.id, request] as const)]));
      setRequestIds((before) => [...new Set([...before, ...ours.map((request) => request.id)])]);
      setNumber('');
      setNumberMessage(null);
    } catch (failure) {
      setNumberMessage(errorText(failure));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setTitleMissing(true);
    setTitleMissing(false);
    setError(null);
    try {
      if (project) {
        await client.call('updateProject', {
          params: { projectId: project.id },
          body: { title: title.trim(), description: description.trim(), status: completed ? 'completed' : 'open', requestIds, memberIds, expectedVersion: project.version },
        });
      } else {
        await client.call('createProject', { body: { communityId, title: title.trim(), description: description.trim(), requestIds, memberIds } });
      }
      onSaved();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Dialog
      wide
      title={project ? t('edit') : t('new')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('console:action.cancel')}
          </button>
          <button type="submit" form="project-form" className="btn btn--primary">
            {t('console:action.save')}
          </button>
        </>
      }
    >
      <form id="project-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t('field.title')} error={titleMissing ? t('field.titleMissing') : undefined}>
          <input className="input" maxLength={100} value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label={t('field.description')}>
          <textarea className="textarea" maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        {project ? (
          <label className="check">
            <input type="checkbox" checked={completed} onChange={(event) => setCompleted(event.target.checked)} />
            {t('field.completed')}
          </label>
        ) : null}
        <FieldSet legend={t('field.needs', { count: requestIds.length })}>
          <ul className="chip-list">
            {requestIds.map((id) => {
              const request = found.get(id);
              return (
                <li key={id} className="chip">
                  {request ? `${groupRequestNumber(request.number)} · ${stationName(request.stationId)}` : t('field.needId', { id: id.slice(-6) })}
                  <button type="button" className="btn btn--quiet btn--small" aria-label={t('field.removeNeed', { name: request ? groupRequestNumber(request.number) : id.slice(-6) })} onClick={() => setRequestIds((before) => before.filter((other) => other !== id))}>
                    ✕
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="form__row">
            <Field label={t('field.addNeed')} error={numberMessage ?? undefined}>
              <input className="input mono" inputMode="numeric" placeholder="2475-740" value={number} onChange={(event) => setNumber(event.target.value)} />
            </Field>
            <button type="button" className="btn" onClick={() => void addByNumber()}>
              {t('console:action.add')}
            </button>
          </div>
        </FieldSet>
        <FieldSet legend={t('field.members', { count: memberIds.length })}>
          <div className="checks checks--columns">
            {members.map((item) => (
              <label key={item.value.id} className="check">
                <input
                  type="checkbox"
                  checked={memberIds.includes(item.value.id)}
                  onChange={(event) => setMemberIds((before) => (event.target.checked ? [...before, item.value.id] : before.filter((id) => id !== item.value.id)))}
                />
                {item.value.name}（{directory.unitName(item.value.unitId)}）
              </label>
            ))}
          </div>
        </FieldSet>
      </form>
    </Dialog>
  );
}
