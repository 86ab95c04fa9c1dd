import { ROTATION_ID_PREFIX } from '@protocol/console/rotation.ts';
import type { Shift } from '@protocol/catalogue.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import type { Directory } from '../../app/directory.ts';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import type { ShiftEntry } from './RosterPage.tsx';

/** When a shift recurs, in words: its date, or its weekdays and the dates it runs between. */
export const useShiftWhen = (): ((shift: Shift) => string) => {
  const { t } = useTranslation('roster');
  return (shift) => {
    if (shift.date) return shift.date;
    const days = (shift.weekdays ?? []).map((day) => t(`publish:weekday.${day}`)).join('、');
    const span = shift.from || shift.until ? t('shift.between', { from: shift.from ?? '…', to: shift.until ?? '…' }) : '';
    return `${t('shift.every', { days })}${span}`;
  };
};

/** The station's published shifts, one row each: to edit one, or withdraw it from the tablet. */
export function ShiftList({ stationId, shifts, directory, onEdit, onWithdrawn }: { stationId: string; shifts: readonly ShiftEntry[]; directory: Directory; onEdit: (entry: ShiftEntry) => void; onWithdrawn: () => void }) {
  const { t } = useTranslation('roster');
  const client = useClient();
  const when = useShiftWhen();
  const [error, setError] = useState<unknown>(null);
  const withdraw = async (entry: ShiftEntry) => {
    setError(null);
    try {
      await client.call('withdrawPublished', { body: { collection: 'shifts', scope: stationId, id: entry.shift.id, expectedVersion: entry.version } });
      onWithdrawn();
    } catch (failure) {
      setError(failure);
    }
  };
  const columns: Column<ShiftEntry>[] = [
    { key: 'member', header: t('shift.member'), rowHeader: true, sortValue: (entry) => directory.memberName(entry.shift.memberId), cell: (entry) => directory.memberName(entry.shift.memberId) },
    { key: 'unit', header: t('shift.unit'), sortValue: (entry) => directory.unitName(directory.member(entry.shift.memberId)?.unitId ?? ''), cell: (entry) => directory.unitName(directory.member(entry.shift.memberId)?.unitId ?? '—') },
    { key: 'when', header: t('shift.when'), sortValue: (entry) => entry.shift.date ?? entry.shift.from ?? '', cell: (entry) => when(entry.shift) },
    { key: 'time', header: t('shift.time'), sortValue: (entry) => entry.shift.start, cell: (entry) => `${entry.shift.start}–${entry.shift.end}` },
    { key: 'kind', header: t('shift.kind'), sortValue: (entry) => entry.shift.kind, cell: (entry) => t(`kind.${entry.shift.kind}`) },
    { key: 'source', header: t('shift.source'), sortValue: (entry) => (entry.shift.id.startsWith(ROTATION_ID_PREFIX) ? 1 : 0), cell: (entry) => (entry.shift.id.startsWith(ROTATION_ID_PREFIX) ? t('shift.generated') : t('shift.byHand')) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('shift.actions')}</span>,
      cell: (entry) => (
        <span className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => onEdit(entry)}>
            {t('console:action.edit')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={() => void withdraw(entry)}>
            {t('console:action.withdraw')}
          </button>
        </span>
      ),
    },
  ];
  return (
    <section className="section" aria-labelledby="shift-list">
      <h2 id="shift-list" className="section__title">
        {t('shift.list')}
      </h2>
      {error ? <ErrorNotice error={error} /> : null}
      <DataTable caption={t('shift.list')} columns={columns} rows={shifts} rowKey={(entry) => entry.shift.id} empty={t('shift.empty')} initialSort={{ key: 'when', direction: 'ascending' }} />
    </section>
  );
}
