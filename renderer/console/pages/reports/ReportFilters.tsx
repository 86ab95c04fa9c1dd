import { useTranslation } from 'react-i18next';
import { useQueryState } from '../../app/router.tsx';
import { CommunitySelect, StationSelect } from '../../ui/CommunitySelect.tsx';
import { Field } from '../../ui/Field.tsx';

/**
 * Where and when a report looks: a community (or all), a station (or all), and a range of days, or a month.
 * All kept in the address.
 */
export function ReportFilters({ range, month }: { range?: { from: string; to: string }; month?: string }) {
  const { t } = useTranslation('reports');
  const [query, setQuery] = useQueryState();
  const communityId = query.get('community') ?? '';
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setQuery(next);
  };
  return (
    <div className="toolbar">
      <CommunitySelect value={communityId} onChange={(id) => set({ community: id, station: '' })} all />
      <StationSelect communityId={communityId || null} value={query.get('station') ?? ''} onChange={(id) => set({ station: id })} />
      {range ? (
        <>
          <Field label={t('from')}>
            <input className="input" type="date" value={range.from} max={range.to} onChange={(event) => set({ from: event.target.value })} />
          </Field>
          <Field label={t('to')}>
            <input className="input" type="date" value={range.to} min={range.from} onChange={(event) => set({ to: event.target.value })} />
          </Field>
        </>
      ) : null}
      {month ? (
        <Field label={t('month')}>
          <input className="input" type="month" value={month} onChange={(event) => set({ month: event.target.value })} />
        </Field>
      ) : null}
    </div>
  );
}

/** The part of a report query that says where: a station, or a community, or nothing (all in scope). */
export const whereOf = (query: URLSearchParams): { communityId?: string; stationId?: string } => {
  const station = query.get('station');
  const community = query.get('community');
  return station ? { stationId: station } : community ? { communityId: community } : {};
};
