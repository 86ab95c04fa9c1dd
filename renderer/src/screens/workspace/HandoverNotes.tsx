import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { stationClock, stationDay } from '../../volunteers/station-time.ts';

const DAY_MS = 86_400_000;
/** How far back a note can still be the last shift's: a station closed for a long holiday starts afresh. */
const WINDOW_MS = 14 * DAY_MS;
const dayOf = (iso: string) => stationDay(new Date(Date.parse(iso)));
const clock = (iso: string) => {
  const instant = Date.parse(iso);
  const [, month, day] = stationDay(new Date(instant)).split('-').map(Number);
  return `${month}/${day} ${stationClock(instant)}`;
};

/**
 * What earlier shifts left for this one, newest first: today's notes and those of the last day any shift left
 * one, however many days the station was closed in between (Saturday's Red Weekend note is read on Monday).
 * Open when the member just signed in.
 */
export function HandoverNotes({ open }: { open: boolean }) {
  const { t } = useTranslation('volunteer');
  const { db } = useStore();
  const [shown, setShown] = useState(open);
  const notes = useLiveQuery(async () => {
    const since = new Date(Date.now() - WINDOW_MS).toISOString();
    const today = stationDay(new Date());
    const lately = (await db.handoverNotes.toArray()).filter((note) => note.at >= since).sort((a, b) => b.at.localeCompare(a.at));
    const lastDay = lately.map((note) => dayOf(note.at)).find((day) => day !== today);
    const recent = lately.filter((note) => [today, lastDay].includes(dayOf(note.at)));
    const members = new Map((await db.members.bulkGet(recent.map((n) => n.memberId))).flatMap((m) => (m ? [[m.id, m.name] as const] : [])));
    return recent.map((note) => ({ ...note, author: members.get(note.memberId) ?? '' }));
  }, [db]);
  if (!notes || notes.length === 0) return null;
  return (
    <section className="card handover" aria-labelledby="handover-title">
      <div className="row">
        <h2 id="handover-title" className="card__title" style={{ flex: 1, marginBottom: 0 }}>{t('handover.title', { count: notes.length })}</h2>
        <Button variant="quiet" aria-expanded={shown} onClick={() => setShown(!shown)}>{shown ? t('handover.hide') : t('handover.show')}</Button>
      </div>
      {shown ? (
        <ul className="list">
          {notes.map((note) => (
            <li key={note.id} className="handover__note">
              <p className="handover__text">{note.text}</p>
              <p className="muted">{t('handover.by', { name: note.author, time: clock(note.at) })}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
