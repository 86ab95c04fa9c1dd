import type { Localized, Member } from '@protocol/catalogue.ts';
import type { RequestEventType, RequestTarget } from '@protocol/records.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { commitRecord } from '../../store/commit.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { checkStep, type MemberStep, type RequestView, type StepCheck } from '../../volunteers/station-requests.ts';
import { readRequestView } from './useStationRequests.ts';
import { RevealPhone } from './RevealPhone.tsx';

type Step = MemberStep;
const icons: Record<Step, string> = { take: '✋', note: '📝', complete: '✔', handover: '🔁' };
/** Steps that need a few words: a note, what was done, what the next shift should know. */
const needsText: ReadonlySet<Step> = new Set(['note', 'handover']);

/** Member and unit names, read once for the whole list (RequestsTab), not once per card. */
export interface RosterNames {
  members: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, Localized>;
}

export const useRosterNames = (): RosterNames | undefined => {
  const { db } = useStore();
  return useLiveQuery(async () => ({ members: new Map((await db.members.toArray()).map((m) => [m.id, m.name])), units: new Map((await db.units.toArray()).map((u) => [u.id, u.name])) }), [db]);
};

/** Who has a request, in words: a member by name, a unit by its name. */
const useTargetName = (names: RosterNames | undefined) => {
  const localize = useLocalized();
  return (target: RequestTarget | null): string => {
    if (!target) return '';
    if (target.type === 'member') return names?.members.get(target.memberId) ?? target.memberId;
    const unit = names?.units.get(target.unitId);
    return unit ? localize(unit) : target.unitId;
  };
};

/**
 * One request and what the volunteer can do with it: take it (接单), add a note, finish it, or hand it over to the
 * next shift. The shared state machine decides: a step it would refuse is refused here with its reason in words,
 * before anything is written; a step the server refused later (another tablet or the centre was first) shows who
 * has the request now.
 */
export function RequestCard({ view, member, names }: { view: RequestView; member: Member; names: RosterNames | undefined }) {
  const { t } = useTranslation('volunteer');
  const { t: tr } = useTranslation('requests');
  const { db } = useStore();
  const stationId = useRecordStationId();
  const targetName = useTargetName(names);
  const [writing, setWriting] = useState<Step | null>(null);
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<Extract<StepCheck, { ok: false }>['reason'] | null>(null);
  const [failed, setFailed] = useState(false);
  const { request, status, assignment } = view;
  const mine = assignment.takenBy?.type === 'member' && assignment.takenBy.memberId === member.id;

  const act = async (step: Step, note?: string) => {
    // Checked against the request as it is now, not as it was drawn: a pull may have moved it meanwhile.
    const check = checkStep((await readRequestView(db, request.id)) ?? view, step, member.id);
    if (!check.ok) return setRefusal(check.reason);
    setRefusal(null);
    try {
      await commitRecord(db, 'request-event', stationId, () => ({
        kind: 'request-event',
        requestId: request.id,
        type: step as RequestEventType,
        actor: 'member',
        memberId: member.id,
        ...(note ? { note } : {}),
      }));
      setWriting(null);
      setText('');
    } catch (error) {
      console.error('request step not saved', error);
      setFailed(true);
    }
  };

  // Offered: what checkStep allows now; a step refused by the time it is tapped says why.
  const offered = (['take', 'complete', 'handover', 'note'] as const).filter((step) => checkStep(view, step, member.id).ok);
  const holder = assignment.takenBy ? t('requests.takenBy', { name: targetName(assignment.takenBy) }) : assignment.dispatchedTo ? t('requests.dispatchedTo', { name: targetName(assignment.dispatchedTo) }) : null;
  const phrases = request.phrases.map((phrase) => tr(`phrases.${request.category}.${phrase}`)).join('、');

  return (
    <li className={`card request-card request-card--${status ?? 'new'}`}>
      <div className="request-card__head">
        <span className="request-card__number">{request.number}</span>
        <span className="pill">{tr(`kinds.${request.requestKind}.name`)}</span>
        <span className="request-card__category">{tr(`categories.${request.category}`)}</span>
        <span className={`pill ${status === 'taken' ? 'pill--warn' : status === 'done' || status === 'rated' ? 'pill--ok' : ''}`}>{t(`requests.status.${status ?? 'submitted'}`)}</span>
      </div>
      {phrases ? <p className="request-card__phrases">{phrases}</p> : null}
      {request.text ? <p className="request-card__text">{request.text}</p> : null}
      {holder ? <p className="request-card__holder">{mine ? t('requests.yours') : holder}</p> : null}
      {view.refused.map(({ event, reason }) => (
        <p key={event.id} className="error-banner" role="alert">
          {t('requests.lost', { step: t(`requests.steps.${event.type}`), reason: t(`refusal.${reason}`, { defaultValue: t('refusal.wrong-state') }), holder: holder ?? '' })}
        </p>
      ))}
      {view.notes.length > 0 ? (
        <ul className="request-card__notes">
          {view.notes.map((note) => <li key={note.id}>{`${new Date(note.at).toTimeString().slice(0, 5)} ${note.note}`}</li>)}
        </ul>
      ) : null}
      {request.contact ? <RevealPhone contact={request.contact} subject={{ kind: 'request', id: request.id }} memberId={member.id} /> : null}
      {refusal ? <p className="notice-banner" role="alert">{t(`refusal.${refusal}`)}</p> : null}
      {failed ? <p className="error-banner" role="alert">{t('common:storage.failed')}</p> : null}
      {writing ? (
        <div className="field">
          <label className="field__label" htmlFor={`note-${request.id}`}>{t(`requests.write.${writing}`)}</label>
          <textarea id={`note-${request.id}`} className="field__input" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
          <div className="actions">
            <Button large onClick={() => { setWriting(null); setText(''); }}>{t('requests.cancel')}</Button>
            <Button variant="primary" large disabled={needsText.has(writing) && !text.trim()} onClick={() => act(writing, text.trim() || undefined)}>{t(`requests.steps.${writing}`)}</Button>
          </div>
        </div>
      ) : (
        <div className="actions request-card__actions">
          {offered.map((step) => (
            <Button key={step} variant={step === 'take' || step === 'complete' ? 'primary' : 'secondary'} icon={icons[step]} onClick={() => (step === 'take' ? act('take') : setWriting(step))}>
              {t(`requests.steps.${step}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
