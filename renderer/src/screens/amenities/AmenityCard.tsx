import type { Amenity } from '@protocol/catalogue.ts';
import type { AmenityUse } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useCommit } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { countsOnDay } from './amenity-counts.ts';
import { createTapGuard } from './tap-guard.ts';
import { useFlash } from './useFlash.ts';

type Action = AmenityUse['action'];

/** Long enough to read twice; short enough that the next resident does not see the last one's thanks. */
const THANKS_MS = 5000;
/** The press animation's length (amenities.css). */
const PRESS_MS = 350;

const buttons = {
  use: { icon: '👍', variant: 'primary' },
  lend: { icon: '📤', variant: 'primary' },
  return: { icon: '📥', variant: 'secondary' },
} as const satisfies Record<Action, { icon: string; variant: 'primary' | 'secondary' }>;

/**
 * One amenity: what and where it is, today's tally, and one tap to add to it. The tap is anonymous and stays on
 * this screen: a thank-you appears beside the button and the count goes up.
 */
export function AmenityCard({ amenity }: { amenity: Amenity }) {
  const { t } = useTranslation('amenities');
  const localize = useLocalized();
  const { db } = useStore();
  const headingId = useId();
  const name = localize(amenity.name);
  // The day is read on every re-run, so a screen left open past midnight starts counting the new day.
  const counts = useLiveQuery(() => countsOnDay(db, amenity.id, dayKey(new Date())), [db, amenity.id]);
  const { commit, error } = useCommit('amenity-use');
  const [guard] = useState(createTapGuard);
  const [thanks, flashThanks] = useFlash<Action>(THANKS_MS);
  const [pressed, flashPressed] = useFlash<Action>(PRESS_MS);

  const tally = async (action: Action) => {
    if (!guard.accept(action)) return;
    flashPressed(action);
    const saved = await commit(() => ({ kind: 'amenity-use', amenityId: amenity.id, action }));
    if (saved) flashThanks(action);
  };

  const actions: readonly Action[] = amenity.lendable ? ['lend', 'return'] : ['use'];
  const stats = amenity.lendable
    ? ([['lent', counts?.lent], ['returned', counts?.returned], ['out', counts?.out]] as const)
    : ([['used', counts?.used]] as const);

  return (
    <li className="card amenity" aria-labelledby={headingId}>
      <div className="amenity__head">
        <span className="amenity__icon" aria-hidden="true">{amenity.icon}</span>
        <div className="amenity__about">
          <h2 id={headingId} className="amenity__name">
            {name}
            {amenity.lendable ? <span className="pill amenity__lendable">{t('lendable')}</span> : null}
          </h2>
          <p className="amenity__description">{localize(amenity.description)}</p>
        </div>
      </div>
      <div className="amenity__tally">
        <dl className="amenity__stats">
          {stats.map(([stat, value]) => (
            <div key={stat} className={`amenity__stat amenity__stat--${stat}`}>
              <dt>{t(`stats.${stat}`)}</dt>
              <dd>{value ?? 0}</dd>
            </div>
          ))}
        </dl>
        <div className="amenity__actions">
          {actions.map((action) => (
            <Button
              key={action}
              variant={buttons[action].variant}
              large
              icon={buttons[action].icon}
              aria-label={t('actionFor', { action: t(`actions.${action}`), name })}
              data-pop={pressed?.value === action || undefined}
              onClick={() => void tally(action)}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
        </div>
      </div>
      <p className="amenity__thanks" role="status">
        {thanks ? (
          <span key={thanks.n}>
            <span aria-hidden="true">✔ </span>
            {t(`thanks.${thanks.value}`)}
          </span>
        ) : null}
      </p>
      {error ? <p className="field__error" role="alert">{t(`common:${error}`)}</p> : null}
    </li>
  );
}
