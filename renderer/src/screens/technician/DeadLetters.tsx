import { deadLetterReasons } from '@protocol/wire.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { awaitsTechnician } from '../../store/db.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useSync } from '../../sync/SyncProvider.tsx';
import { Button } from '../../ui/Button.tsx';

const knownReason = (reason: string) => ((deadLetterReasons as readonly string[]).includes(reason) ? reason : 'other');

/**
 * Records the centre refused for good: how many, why in words, and what the technician does about them. The
 * centre keeps each one with its reason (server:cli dead-letters <station>); the tablet keeps them too. Once the
 * technician has told the centre, acknowledging them lets the status line say "synced" again. A volunteer's step
 * that lost a race is not among them: the request card says so where the volunteer acts.
 */
export function DeadLetters({ stationId, onAcknowledge }: { stationId: string; onAcknowledge: (acknowledge: () => Promise<void>) => void }) {
  const { t, i18n } = useTranslation('technician');
  const { db } = useStore();
  const { sync } = useSync();
  const open = useLiveQuery(() => db.deadLetters.filter(awaitsTechnician).toArray(), [db]) ?? [];
  if (open.length === 0) return null;
  const counts = new Map<string, number>();
  for (const dead of open) counts.set(knownReason(dead.reason), (counts.get(knownReason(dead.reason)) ?? 0) + 1);
  const reasons = [...counts].sort(([, a], [, b]) => b - a);
  const last = open.reduce((latest, dead) => (dead.at > latest ? dead.at : latest), open[0]!.at);
  return (
    <section className="card" aria-labelledby="tech-dead">
      <h2 id="tech-dead" className="card__title">{t('dead.title', { count: open.length })}</h2>
      <p>{t('dead.lead', { time: new Date(last).toLocaleString(i18n.language) })}</p>
      <ul>
        {reasons.map(([reason, count]) => (
          <li key={reason}>
            <strong>{t(`dead.reason.${reason}`, { count })}</strong> {t(`dead.fix.${reason}`)}
          </li>
        ))}
      </ul>
      <p>{t('dead.todo', { station: stationId })}</p>
      <div className="actions">
        <Button disabled={!sync} onClick={() => sync && onAcknowledge(() => sync.engine.acknowledgeDeadLetters())}>{t('dead.acknowledge')}</Button>
      </div>
    </section>
  );
}
