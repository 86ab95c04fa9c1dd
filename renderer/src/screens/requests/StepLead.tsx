import { useTranslation } from 'react-i18next';

/** Which of the three steps this is, on the same line as what to do in it, to keep the screen short. */
export function StepLead({ step, text }: { step: number; text: string }) {
  const { t } = useTranslation('requests');
  return (
    <p className="screen__lead request-lead">
      <span className="pill">{t('step', { n: step })}</span>
      {text}
    </p>
  );
}
