import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useLiveReload } from '../../api/live.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { useDirectory } from '../../app/directory.ts';
import { useQueryState } from '../../app/router.tsx';
import { ErrorNotice, useErrorText } from '../../ui/ErrorNotice.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { FindByNumber } from './FindByNumber.tsx';
import { InboxFilterBar } from './InboxFilterBar.tsx';
import { inboxQuery, type InboxFilters, readInboxFilters, writeInboxFilters } from './inbox-filters.ts';
import { RequestTable } from './RequestTable.tsx';

/**
 * 群众点单: the requests of the stations in scope, newest first, live (a station's push or a colleague's dispatch
 * reads the list again). Filters live in the address; overdue requests stand out (a row mark and the word);
 * "load more" reads the next page.
 */
export default function InboxPage() {
  const { t } = useTranslation('inbox');
  const format = useFormat();
  const client = useClient();
  const errorText = useErrorText();
  const directory = useDirectory();
  const [query, setQuery] = useQueryState();
  const filters = useMemo(() => readInboxFilters(query), [query]);
  const setFilters = useCallback((next: InboxFilters) => setQuery(writeInboxFilters(next)), [setQuery]);
  const first = useApi('inbox', { query: inboxQuery(filters) });
  const pages = useMorePages(first.data, (page) => page.requests, (cursor) => client.call('inbox', { query: inboxQuery(filters, cursor) }));
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  useLiveReload(() => {
    first.reload();
    setUpdatedAt(Date.now());
  });

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} actions={<FindByNumber />} />
      {first.data && first.data.overdueCount > 0 && !filters.overdue ? (
        <Notice tone="warning">
          {t('overdueAlarm', { count: first.data.overdueCount })}{' '}
          <button type="button" className="btn btn--small" onClick={() => setFilters({ ...filters, overdue: true })}>
            {t('showOverdue')}
          </button>
        </Notice>
      ) : null}
      <InboxFilterBar filters={filters} onChange={setFilters} />
      <p className="visually-hidden" role="status">
        {updatedAt ? t('updated', { time: format.time(updatedAt) }) : ''}
      </p>
      {first.error ? <ErrorNotice error={first.error} retry={first.reload} /> : null}
      {first.loading ? (
        <Loading />
      ) : (
        <RequestTable caption={t('caption')} requests={pages.items} directory={directory} empty={t('empty')} />
      )}
      {pages.error ? <Notice tone="error">{errorText(pages.error)}</Notice> : null}
      {pages.nextCursor ? (
        <div className="pager">
          <button type="button" className="btn" onClick={() => void pages.loadMore()}>
            {t('console:action.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
