import type { RequestKind } from '@protocol/records.ts';
import type { RequestStatus } from '@protocol/request-state.ts';
import { useTranslation } from 'react-i18next';

const statusTone: Record<RequestStatus, string> = {
  submitted: 'brand',
  dispatched: 'info',
  taken: 'warn',
  done: 'ok',
  rated: 'ok',
  cancelled: 'neutral',
  reopened: 'brand',
};

/** A request's status in words (a colour too, never alone). null: its submit has not arrived yet. */
export function StatusBadge({ status }: { status: RequestStatus | null }) {
  const { t } = useTranslation('inbox');
  return <span className={`badge badge--${status ? statusTone[status] : 'neutral'}`}>{t(`status.${status ?? 'none'}`)}</span>;
}

/** 微心愿 / 微诉求 / 微梦想, as the resident chose at the kiosk. */
export function KindLabel({ kind }: { kind: RequestKind }) {
  const { t } = useTranslation('requests');
  return <>{t(`kinds.${kind}.name`)}</>;
}

/** The request's category in the kiosk's words (its id if the kiosk never had it). */
export const useCategoryName = (): ((category: string) => string) => {
  const { t } = useTranslation('requests');
  return (category) => t(`categories.${category}`, { defaultValue: category });
};

export function OverdueBadge() {
  const { t } = useTranslation('inbox');
  return (
    <span className="badge badge--danger">
      <span aria-hidden="true">⏰</span> {t('overdue')}
    </span>
  );
}
