import type { RequestDetail } from '@protocol/console/dispatch.ts';
import type { StaffRole } from '@protocol/console/session.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { availableSteps, type StaffStep } from './steps.ts';
import { StepDialog } from './StepDialog.tsx';

/** The steps possible now, one button each; each opens its form (target, note). */
export function StepsPanel({ detail, role, directory, onDone, onStale }: { detail: RequestDetail; role: StaffRole; directory: Directory; onDone: (detail: RequestDetail) => void; onStale: () => void }) {
  const { t } = useTranslation('request');
  const [open, setOpen] = useState<StaffStep | null>(null);
  const [done, setDone] = useState<StaffStep | null>(null);
  const steps = availableSteps(detail.request, role);
  return (
    <section className="card steps" aria-labelledby="steps-title">
      <h2 id="steps-title" className="section__title">
        {t('steps')}
      </h2>
      {done ? (
        <p role="status" className="steps__done">
          {t(`doneStep.${done}`)}
        </p>
      ) : null}
      {steps.length === 0 ? <p className="muted">{role.kind === 'unit-lead' ? t('noStepsLead') : t('noSteps')}</p> : null}
      <div className="steps__list">
        {steps.map((step) => (
          <button key={step} type="button" className={`btn ${step === steps[0] ? 'btn--primary' : ''}`} onClick={() => setOpen(step)}>
            {t(`action.${step}`)}
          </button>
        ))}
      </div>
      {open ? (
        <StepDialog
          step={open}
          detail={detail}
          role={role}
          directory={directory}
          onClose={() => setOpen(null)}
          onStale={onStale}
          onDone={(next) => {
            setDone(open);
            setOpen(null);
            onDone(next);
          }}
        />
      ) : null}
    </section>
  );
}
