import { type RequestKind, requestKinds, type ResidentRequest } from '@protocol/records.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation.tsx';
import { Button } from '../../ui/Button.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { KindPicker } from './KindPicker.tsx';
import { RequestDetails } from './RequestDetails.tsx';
import { RequestReceipt } from './RequestReceipt.tsx';
import { requestCategories } from './request-topics.ts';
import { StepLead } from './StepLead.tsx';
import { useTopOnStep } from './useTopOnStep.ts';
import './requests.css';

/**
 * 群众点单: the resident picks the kind, then the category (each a single tap that moves on), then the
 * details; the receipt gives the number to check it by.
 */
export default function RequestsScreen() {
  const { t } = useTranslation('requests');
  const { go } = useNavigate();
  const [kind, setKind] = useState<RequestKind>();
  const [category, setCategory] = useState<string>();
  const [sent, setSent] = useState<ResidentRequest>();
  useTopOnStep(sent ? 'sent' : category ? 'details' : kind ? 'category' : 'kind');

  if (sent) return <RequestReceipt request={sent} />;

  if (!kind) {
    const explained = requestKinds.map((k) => `${t(`kinds.${k}.name`)}：${t(`kinds.${k}.explain`)}`);
    return (
      <Screen
        title={t('title')}
        speech={[t('title'), t('kind.question'), ...explained].join('。')}
        actions={<Button icon="🔍" large onClick={() => go('requestStatus', {})}>{t('checkStatus')}</Button>}
      >
        <StepLead step={1} text={t('kind.question')} />
        <KindPicker value={kind} onChange={setKind} />
        <p className="muted">{t('anonymous')}</p>
      </Screen>
    );
  }

  if (!category) {
    const kindName = t(`kinds.${kind}.name`);
    return (
      <Screen
        title={kindName}
        speech={`${kindName}。${t('category.question')}`}
        onBack={() => setKind(undefined)}
      >
        <StepLead step={2} text={t('category.question')} />
        <ChoiceGroup
          label={t('category.question')}
          value={category}
          onChange={setCategory}
          choices={requestCategories.map((c) => ({ value: c.id, label: t(`categories.${c.id}`), icon: c.icon }))}
        />
      </Screen>
    );
  }

  return <RequestDetails kind={kind} category={category} onBack={() => setCategory(undefined)} onSent={setSent} />;
}
