import type { Member } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/Clock.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { pushedSeq } from '../../store/outbox.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { myHours } from '../../volunteers/my-hours.ts';
import { STATION_TIME_ZONE, stationClock, stationDay } from '../../volunteers/station-time.ts';
import { useDuration } from './duration.ts';

/**
 * The member's own hours at this station, this month and this year, computed from their shift events the way the
 * centre computes them, with what still waits for review and what has not reached the centre yet. The summary is
 * what a member shows when asked for their service hours (志愿服务时长); the certificate itself comes from the
 * centre, which keeps the record (谁记录谁证明). Staff reviews (approve, correct, decline) are made at the centre and
 * do not reach the tablet, so what waits for one is never added into a total here, and the screen says the centre's
 * figure is the one that counts.
 */
export function HoursTab({ member }: { member: Member }) {
  const { t, i18n } = useTranslation('volunteer');
  const localize = useLocalized();
  const { db, station } = useStore();
  const now = useNow(60_000);
  const duration = useDuration();
  const [summary, setSummary] = useState(false);
  const data = useLiveQuery(async () => {
    const [events, shifts, unit, pushed] = await Promise.all([db.shiftEvents.where('memberId').equals(member.id).toArray(), db.shifts.toArray(), db.units.get(member.unitId), pushedSeq(db)]);
    const unsyncedIds = new Set((await db.outbox.where('seq').above(pushed).toArray()).map((entry) => entry.id));
    return { events, shifts, unit, unsyncedIds };
  }, [db, member.id, member.unitId]);
  if (!data) return null;
  const hours = myHours({ events: data.events, shifts: data.shifts, station, unsyncedIds: data.unsyncedIds }, now);
  const unitName = data.unit ? localize(data.unit.name) : '';
  // Staff reviews stay at the centre: a shift waiting for one is shown beside the total, never added into it.
  const total = (period: typeof hours.month) => duration(period.minutes);

  if (summary) {
    return (
      <section className="card hours-summary" aria-labelledby="hours-summary-title">
        <h2 id="hours-summary-title" className="hours-summary__title">{t('hours.summaryTitle')}</h2>
        <dl className="hours-summary__facts">
          <dt>{t('hours.name')}</dt>
          <dd>{member.name}</dd>
          {member.volunteerNo ? (<><dt>{t('hours.volunteerNo')}</dt><dd>{member.volunteerNo}</dd></>) : null}
          <dt>{t('hours.unit')}</dt>
          <dd>{unitName}</dd>
          <dt>{t('hours.station')}</dt>
          <dd>{localize(station.name)}</dd>
          <dt>{t('hours.yearTotal', { year: hours.year.period })}</dt>
          <dd className="hours-summary__big">{total(hours.year)}</dd>
          <dt>{t('hours.monthTotal')}</dt>
          <dd>{total(hours.month)}</dd>
          {hours.year.pendingMinutes > 0 ? (<><dt>{t('hours.pendingTitle')}</dt><dd>{duration(hours.year.pendingMinutes)}</dd></>) : null}
          <dt>{t('hours.shifts')}</dt>
          <dd>{hours.year.shifts}</dd>
          <dt>{t('hours.asOf')}</dt>
          <dd>{now.toLocaleString(i18n.language, { timeZone: STATION_TIME_ZONE })}</dd>
        </dl>
        <p className="muted">{t('hours.summaryNote')}</p>
        <Button large onClick={() => setSummary(false)}>{t('hours.back')}</Button>
      </section>
    );
  }

  const line = (label: string, period: typeof hours.month) => (
    <div className="card hours-period">
      <p className="hours-period__label">{label}</p>
      <p className="hours-period__total">{total(period)}</p>
      <p className="muted">{t('hours.shiftsCount', { count: period.shifts })}{unitName ? ` · ${unitName}` : ''}</p>
      {period.pendingMinutes > 0 ? <p className="pill pill--warn">{t('hours.pending', { duration: duration(period.pendingMinutes) })}</p> : null}
      {period.unsyncedMinutes > 0 ? <p className="pill">{t('hours.unsynced', { duration: duration(period.unsyncedMinutes) })}</p> : null}
    </div>
  );

  return (
    <div className="hours-tab">
      <div className="hours-periods">
        {line(t('hours.month'), hours.month)}
        {line(t('hours.year'), hours.year)}
      </div>
      <p className="muted">{t('hours.centreDecides')}</p>
      <Button variant="primary" large icon="🪪" onClick={() => setSummary(true)}>{t('hours.showSummary')}</Button>
      <h2 className="duty__heading">{t('hours.thisMonth')}</h2>
      {hours.sessions.length === 0 ? <p className="muted">{t('hours.none')}</p> : null}
      <ul className="list">
        {hours.sessions.map((session) => (
          <li key={session.signInId} className="card hours-session">
            <span className="hours-session__when">{`${stationDay(new Date(session.start))} ${stationClock(session.start)}–${session.end ? stationClock(session.end) : ''}`}</span>
            <span className="hours-session__minutes">{duration(session.minutes)}</span>
            {session.needsReview ? <span className="pill pill--warn">{t(session.flags.includes('auto-closed') ? 'hours.autoClosed' : 'hours.review')}</span> : null}
            {session.synced ? null : <span className="pill">{t('hours.notSynced')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
