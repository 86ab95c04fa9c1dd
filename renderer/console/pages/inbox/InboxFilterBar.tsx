import { type RequestKind, requestKinds } from '@protocol/records.ts';
import { type RequestStatus, requestStatuses } from '@protocol/request-state.ts';
import { useTranslation } from 'react-i18next';
import { CommunitySelect, StationSelect } from '../../ui/CommunitySelect.tsx';
import { Field, FieldSet } from '../../ui/Field.tsx';
import { type AgePreset, agePresets, type InboxFilters } from './inbox-filters.ts';

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** The inbox's filters: status and kind as checkboxes, community, station, age, overdue only, order. */
export function InboxFilterBar({ filters, onChange }: { filters: InboxFilters; onChange: (next: InboxFilters) => void }) {
  const { t } = useTranslation('inbox');
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="toolbar" role="search" aria-label={t('filters')}>
      <FieldSet legend={t('column.status')}>
        <div className="checks">
          {requestStatuses.map((status: RequestStatus) => (
            <label key={status} className="check">
              <input type="checkbox" checked={filters.statuses.includes(status)} onChange={() => set({ statuses: toggle(filters.statuses, status) })} />
              {t(`status.${status}`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <FieldSet legend={t('column.kind')}>
        <div className="checks">
          {requestKinds.map((kind: RequestKind) => (
            <label key={kind} className="check">
              <input type="checkbox" checked={filters.kinds.includes(kind)} onChange={() => set({ kinds: toggle(filters.kinds, kind) })} />
              {t(`requests:kinds.${kind}.name`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <CommunitySelect value={filters.communityId} onChange={(communityId) => set({ communityId, stationId: '' })} all />
      <StationSelect communityId={filters.communityId || null} value={filters.stationId} onChange={(stationId) => set({ stationId })} />
      <Field label={t('age.label')}>
        <select className="select" value={filters.age} onChange={(event) => set({ age: event.target.value as AgePreset })}>
          {agePresets.map((age) => (
            <option key={age} value={age}>
              {t(`age.${age}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('sort.label')}>
        <select className="select" value={filters.sort} onChange={(event) => set({ sort: event.target.value === 'oldest' ? 'oldest' : 'newest' })}>
          <option value="newest">{t('sort.newest')}</option>
          <option value="oldest">{t('sort.oldest')}</option>
        </select>
      </Field>
      <label className="check">
        <input type="checkbox" checked={filters.overdue} onChange={(event) => set({ overdue: event.target.checked })} />
        {t('overdueOnly')}
      </label>
      <div className="toolbar__end">
        <button type="button" className="btn btn--quiet" onClick={() => onChange({ statuses: [], kinds: [], stationId: '', communityId: filters.communityId, age: 'any', overdue: false, sort: 'newest' })}>
          {t('console:action.clear')}
        </button>
      </div>
    </div>
  );
}
