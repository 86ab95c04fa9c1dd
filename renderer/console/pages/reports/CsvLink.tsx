import type { CsvReport } from '@protocol/console/reports.ts';
import { useLanguage } from '@shared/i18n/setup.ts';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';

/**
 * A report's CSV, as the server writes it (UTF-8 with a byte order mark, so Excel opens Chinese intact): a plain
 * link the browser downloads with the session cookie, its header row in the language the console speaks.
 */
export function CsvLink({ report, query, label }: { report: CsvReport; query: { from?: string; to?: string; month?: string; communityId?: string; stationId?: string }; label?: string }) {
  const { t } = useTranslation('console');
  const client = useClient();
  const lang = useLanguage();
  return (
    <a className="btn btn--small" href={client.href('reportCsv', { params: { report }, query: { ...query, lang } })} download>
      <span aria-hidden="true">⬇</span> {label ?? t('action.exportCsv')}
    </a>
  );
}
