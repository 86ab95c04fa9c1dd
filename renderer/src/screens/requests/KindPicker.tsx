import { type RequestKind, requestKinds } from '@protocol/records.ts';
import { useTranslation } from 'react-i18next';
import { kindIcons } from './request-topics.ts';
import { Icon } from '../../ui/icons/Icon.tsx';

/** The three kinds as big radio buttons, each with one plain sentence saying what it is for. */
export function KindPicker({ value, onChange }: { value: RequestKind | undefined; onChange: (kind: RequestKind) => void }) {
  const { t } = useTranslation('requests');
  return (
    <div role="radiogroup" aria-label={t('kind.question')} className="request-kinds">
      {requestKinds.map((kind) => (
        <button key={kind} type="button" role="radio" aria-checked={value === kind} className="choice request-kind" onClick={() => onChange(kind)}>
          <span className="choice__icon" aria-hidden="true"><Icon emoji={kindIcons[kind]} /></span>
          <span>
            <span className="request-kind__name">{t(`kinds.${kind}.name`)}</span>
            <span className="request-kind__explain">{t(`kinds.${kind}.explain`)}</span>
          </span>
        </button>
      ))}
    </div>
  );
}
