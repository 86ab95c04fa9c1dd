import type { AuditEntry } from '@protocol/console/audit.ts';
import { useLanguage } from '@shared/i18n/setup.ts';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { useQueryState } from '../../app/router.tsx';
import { type Column, DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice, useErrorText } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { instantFromStationLocal } from '../../ui/station-time.ts';

const json = (value: unknown): string => (value === undefined || value === null ? '—' : JSON.stringify(value, null, 2));

/**
 * The audit log (district admins): every change made through the console and the CLI, every login, logout and
 * lockout, every look at a resident's contact: who, when, what, before and after. Filter, page back, export.
 */
export default function AuditPage() {
  const { t } = useTranslation('admin');
  const lang = useLanguage();
  const format = useFormat();
  const client = useClient();
  const errorText = useErrorText();
  const [query, setQuery] = useQueryState();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    setQuery(next);
  };
  const fromDay = query.get('from') ?? '';
  const toDay = query.get('to') ?? '';
  const from = fromDay ? instantFromStationLocal(`${fromDay}T00:00`) : null;
  const to = toDay ? instantFromStationLocal(`${toDay}T23:59`) : null;
  const action = query.get('action') ?? '';
  const targetType = query.get('target') ?? '';
  const filters = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(/^[a-z-]+\.[a-z-]+$/.test(action) ? { action } : {}),
    ...(targetType ? { targetType } : {}),
  };
  const first = useApi('audit', { query: filters });
  const pages = useMorePages(first.data, (page) => page.entries, (cursor) => client.call('audit', { query: { ...filters, cursor } }));
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), rowHeader: true, sortValue: (entry) => entry.at, firstDirection: 'descending', cell: (entry) => <time dateTime={entry.at} className="nowrap">{format.dateTime(entry.at)}</time> },
    { key: 'who', header: t('audit.who'), sortValue: (entry) => entry.staff?.name ?? '', cell: (entry) => (entry.staff ? `${entry.staff.name}（${entry.staff.login}）` : t('audit.system')) },
    { key: 'action', header: t('audit.action'), sortValue: (entry) => entry.action, cell: (entry) => t(`audit.actions.${entry.action.replace('.', '_')}`, { defaultValue: entry.action }) },
    { key: 'target', header: t('audit.target'), sortValue: (entry) => `${entry.targetType} ${entry.targetId ?? ''}`, cell: (entry) => <span className="clip mono" title={`${entry.targetType} ${entry.targetId ?? ''}`}>{entry.targetType} {entry.targetId ?? ''}</span> },
    { key: 'ip', header: t('audit.ip'), sortValue: (entry) => entry.ip, cell: (entry) => <span className="mono">{entry.ip ?? '—'}</span> },
    {
      key: 'change',
      header: t('audit.change'),
      cell: (entry) =>
        entry.before === null && entry.after === null ? (
          '—'
        ) : (
          <details className="payload">
            <summary>{t('audit.show')}</summary>
            <div className="audit-diff">
              <div>
                <p className="field__label">{t('audit.before')}</p>
                <pre className="mono">{json(entry.before)}</pre>
              </div>
              <div>
                <p className="field__label">{t('audit.after')}</p>
                <pre className="mono">{json(entry.after)}</pre>
              </div>
            </div>
          </details>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          <a className="btn" href={client.href('auditCsv', { query: { ...filters, lang } })} download>
            <span aria-hidden="true">⬇</span> {t('console:action.exportCsv')}
          </a>
        }
      />
      <div className="toolbar" role="search" aria-label={t('audit.filters')}>
        <Field label={t('audit.from')}>
          <input className="input" type="date" value={fromDay} onChange={(event) => set('from', event.target.value)} />
        </Field>
        <Field label={t('audit.to')}>
          <input className="input" type="date" value={toDay} onChange={(event) => set('to', event.target.value)} />
        </Field>
        <Field label={t('audit.action')} hint={t('audit.actionHint')}>
          <input className="input mono" value={query.get('action') ?? ''} onChange={(event) => set('action', event.target.value.trim())} />
        </Field>
        <Field label={t('audit.targetType')}>
          <input className="input mono" value={query.get('target') ?? ''} onChange={(event) => set('target', event.target.value.trim())} />
        </Field>
      </div>
      {first.error ? <ErrorNotice error={first.error} retry={first.reload} /> : null}
      {first.loading ? <Loading /> : <DataTable caption={t('audit.title')} columns={columns} rows={pages.items} rowKey={(entry) => entry.id} empty={t('audit.empty')} />}
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
