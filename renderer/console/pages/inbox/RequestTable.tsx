import type { RequestSummary } from '@protocol/console/dispatch.ts';
import { groupRequestNumber } from '@shared/format/request-number.ts';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';
import { Link } from '../../app/router.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { useFormat } from '../../ui/format.ts';
import { KindLabel, OverdueBadge, StatusBadge, useCategoryName } from '../../ui/RequestBadges.tsx';
import { useNow } from '../../ui/useNow.ts';

/** Requests as rows: receipt number (to the detail), kind, what about, station, status, age, who has it, due. */
export function RequestTable({ caption, requests, directory, empty }: { caption: string; requests: readonly RequestSummary[]; directory: Directory; empty: string }) {
  const { t } = useTranslation('inbox');
  const format = useFormat();
  const now = useNow();
  const { stationName } = useOrganisation();
  const categoryName = useCategoryName();
  const columns: Column<RequestSummary>[] = [
    {
      key: 'number',
      header: t('column.number'),
      rowHeader: true,
      sortValue: (request) => request.number,
      cell: (request) => (
        <Link to={`/requests/${request.id}`} className="mono nowrap">
          {groupRequestNumber(request.number)}
        </Link>
      ),
    },
    { key: 'kind', header: t('column.kind'), sortValue: (request) => request.kind, cell: (request) => <KindLabel kind={request.kind} /> },
    { key: 'category', header: t('column.category'), sortValue: (request) => categoryName(request.category), cell: (request) => categoryName(request.category) },
    { key: 'station', header: t('column.station'), sortValue: (request) => stationName(request.stationId), cell: (request) => stationName(request.stationId) },
    { key: 'status', header: t('column.status'), sortValue: (request) => request.status, cell: (request) => <StatusBadge status={request.status} /> },
    {
      key: 'age',
      header: t('column.submitted'),
      sortValue: (request) => Date.parse(request.submittedAt),
      firstDirection: 'descending',
      cell: (request) => (
        <time dateTime={request.submittedAt} title={format.dateTime(request.submittedAt)} className="nowrap">
          {format.ago(request.submittedAt, now)}
        </time>
      ),
    },
    {
      key: 'with',
      header: t('column.with'),
      cell: (request) =>
        request.takenBy ? t('takenBy', { who: directory.targetName(request.takenBy) }) : request.dispatchedTo ? t('dispatchedTo', { who: directory.targetName(request.dispatchedTo) }) : <span className="muted">{t('nobody')}</span>,
    },
    {
      key: 'due',
      header: t('column.due'),
      sortValue: (request) => (request.dueAt ? Date.parse(request.dueAt) : null),
      cell: (request) =>
        request.overdue && request.dueAt ? (
          <span className="nowrap">
            <OverdueBadge /> {t('overdueBy', { span: format.span(now - Date.parse(request.dueAt)) })}
          </span>
        ) : request.dueAt && request.doneAt === null ? (
          <time dateTime={request.dueAt} className="nowrap">
            {format.dateTime(request.dueAt)}
          </time>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={requests} rowKey={(request) => request.id} empty={empty} rowClass={(request) => (request.overdue ? 'row--alert' : undefined)} />;
}
