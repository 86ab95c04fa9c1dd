import type { RosterOccurrence } from '@protocol/console/rotation.ts';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { useFormat } from '../../ui/format.ts';
import { monthWeeks, todayAtStations, weekDays } from './calendar.ts';

const byDay = (occurrences: readonly RosterOccurrence[]) => {
  const days = new Map<string, RosterOccurrence[]>();
  for (const occurrence of occurrences) days.set(occurrence.day, [...(days.get(occurrence.day) ?? []), occurrence]);
  return days;
};

function ShiftChip({ occurrence, directory, onOpen, compact }: { occurrence: RosterOccurrence; directory: Directory; onOpen: (occurrence: RosterOccurrence) => void; compact?: boolean }) {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const member = directory.member(occurrence.memberId);
  const time = `${format.time(occurrence.start)}–${format.time(occurrence.end)}`;
  return (
    <button type="button" className={`shift shift--${occurrence.kind}`} onClick={() => onOpen(occurrence)}>
      <span className="shift__time">{time}</span> <span className="shift__who">{member?.name ?? occurrence.memberId}</span>
      {!compact && member ? <span className="shift__unit">{directory.unitName(member.unitId)}</span> : null}
      {occurrence.kind !== 'regular' ? <span className="shift__kind">{t(`publish:extended.${occurrence.kind}`)}</span> : null}
    </button>
  );
}

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Seven days side by side, each with its shifts in start order. */
export function RosterWeek({ day, occurrences, directory, onOpen }: { day: string; occurrences: readonly RosterOccurrence[]; directory: Directory; onOpen: (occurrence: RosterOccurrence) => void }) {
  const { t } = useTranslation('roster');
  const format = useFormat();
  const days = byDay(occurrences);
  const today = todayAtStations();
  return (
    <div className="table-wrap">
      <table className="table roster roster--week">
        <caption className="visually-hidden">{t('caption.week')}</caption>
        <thead>
          <tr>
            {weekDays(day).map((key) => (
              <th key={key} scope="col" aria-current={key === today ? 'date' : undefined}>
                {format.day(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {weekDays(day).map((key) => (
              <td key={key} className={key === today ? 'roster__today' : undefined}>
                {(days.get(key) ?? []).map((occurrence) => (
                  <ShiftChip key={`${occurrence.shiftId}/${occurrence.day}`} occurrence={occurrence} directory={directory} onOpen={onOpen} />
                ))}
                {(days.get(key) ?? []).length === 0 ? <span className="muted">{t('nobody')}</span> : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A month as a calendar, Monday first, each day with its shifts. */
export function RosterMonth({ month, occurrences, directory, onOpen }: { month: string; occurrences: readonly RosterOccurrence[]; directory: Directory; onOpen: (occurrence: RosterOccurrence) => void }) {
  const { t } = useTranslation('roster');
  const days = byDay(occurrences);
  const today = todayAtStations();
  return (
    <div className="table-wrap">
      <table className="table roster roster--month">
        <caption className="visually-hidden">{t('caption.month')}</caption>
        <thead>
          <tr>
            {WEEK_ORDER.map((weekday) => (
              <th key={weekday} scope="col">
                {t(`publish:weekday.${weekday}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, row) => (
            <tr key={row}>
              {week.map((key, column) =>
                key ? (
                  <td key={key} className={key === today ? 'roster__today' : undefined}>
                    <span className="roster__date" aria-current={key === today ? 'date' : undefined}>
                      {Number(key.slice(8))}
                    </span>
                    {(days.get(key) ?? []).map((occurrence) => (
                      <ShiftChip key={`${occurrence.shiftId}/${occurrence.day}`} occurrence={occurrence} directory={directory} onOpen={onOpen} compact />
                    ))}
                  </td>
                ) : (
                  <td key={`blank-${column}`} className="roster__blank" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
