import type { Notice } from '@protocol/catalogue.ts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons/Icon.tsx';

const look: Record<Notice['kind'], { icon: string; tone: string }> = {
  notice: { icon: '📢', tone: 'pill' },
  clinic: { icon: '🩺', tone: 'pill pill--ok' },
  law: { icon: '⚖️', tone: 'pill pill--warn' },
  meeting: { icon: '🗣️', tone: 'pill' },
  activity: { icon: '🎉', tone: 'pill pill--warn' },
  class: { icon: '📚', tone: 'pill pill--ok' },
};

/** What kind of notice this is, as a word with an icon: the icon helps a resident who reads little. */
export function KindBadge({ kind }: { kind: Notice['kind'] }) {
  const { t } = useTranslation('notices');
  return (
    <span className={`${look[kind].tone} kind-badge`}>
      <Icon emoji={look[kind].icon} /> {t(`kinds.${kind}`)}
    </span>
  );
}
