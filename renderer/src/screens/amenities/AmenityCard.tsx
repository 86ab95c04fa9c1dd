import type { Amenity } from '@protocol/catalogue.ts';
import type { AmenityUse } from '@protocol/records.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '../../app/wall-clock.ts';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { useCommit } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { countsOnDay } from './amenity-counts.ts';
import { createTapGuard } from './tap-guard.ts';
import { useFlash } from './useFlash.ts';
import { Icon } from '../../ui/icons/Icon.tsx';
import { CheckGlyph, UndoGlyph } from '../../ui/icons/glyphs.tsx';

type Action = AmenityUse['action'];

/**
 * The thanks, and the undo beside it: long enough to read twice and reach the button; short enough that the next
 * resident does not see the last one's thanks, or take back their tap.
 */
const THANKS_MS = 10_000;
/** The press animation's length (amenities.css). */
const PRESS_MS = 350;

const buttons = {
  use: { icon: '👍', variant: 'primary' },
  lend: { icon: '📤', variant: 'primary' },
  return: { icon: '📥', variant: 'secondary' },
} as const satisfies Record<Action, { icon: string; variant: 'primary' | 'secondary' }>;

/** What the line under the buttons says: thanks for a tap (which may still be taken back), or that it was. */
type Said = { action: Action; tap: string } | { action: Action; undone: true };

/**
 * One amenity: what and where it is, today's tally, and one tap to add to it. The tap is anonymous and stays on
 * this screen: a thank-you appears beside the button and the count goes up; for a moment an undo takes a
 * mistaken tap back (a record of its own that cancels it: records are never changed).
 */
export function AmenityCard({ amenity }: { amenity: Amenity }) {
  const { t } = useTranslation('amenities');
  const localize = useLocalized();
  const { db } = useStore();
  const headingId = useId();
  const name = localize(amenity.name);
  // The day is read on every re-run, so a screen left open past midnight starts counting the new day.
  const today = useToday();
  const counts = useLiveQuery(() => countsOnDay(db, amenity.id, today), [db, amenity.id, today]);
  const { commit, error, saving } = useCommit('amenity-use');
  const [guard] = useState(createTapGuard);
  const [thanks, flashThanks] = useFlash<Said>(THANKS_MS);
  const [pressed, flashPressed] = useFlash<Action>(PRESS_MS);

  const tally = async (action: Action) => {
    if (!guard.accept(action)) return;
    flashPressed(action);
    const saved = await commit(() => ({ kind: 'amenity-use', amenityId: amenity.id, action }));
    if (saved) flashThanks({ action, tap: saved.id });
  };

  const takeBack = async (said: Said) => {
    if (!('tap' in said) || saving) return;
    const saved = await commit(() => ({ kind: 'amenity-use', amenityId: amenity.id, action: said.action, undoes: said.tap }));
    if (saved) flashThanks({ action: said.action, undone: true });
  };

  const actions: readonly Action[] = amenity.lendable ? ['lend', 'return'] : ['use'];
  const stats = amenity.lendable
    ? ([['lent', counts?.lent], ['returned', counts?.returned], ['out', counts?.out]] as const)
    : ([['used', counts?.used]] as const);

  return (
    <li className="card amenity" aria-labelledby={headingId}>
      <div className="amenity__head">
        <span className="amenity__icon" aria-hidden="true"><Icon emoji={amenity.icon} /></span>
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
      <div className="amenity__after">
        <p className="amenity__thanks" role="status">
          {thanks ? (
            <span key={thanks.n}>
              <span aria-hidden="true"><CheckGlyph /> </span>
              {'undone' in thanks.value ? t('undone') : t(`thanks.${thanks.value.action}`)}
            </span>
          ) : null}
        </p>
        {thanks && 'tap' in thanks.value ? (
          <Button variant="quiet" icon={<UndoGlyph />} aria-label={t('undoFor', { name })} disabled={saving} onClick={() => void takeBack(thanks.value)}>
            {t('undo')}
          </Button>
        ) : null}
      </div>
      {error ? <p className="field__error" role="alert">{t(`common:${error}`)}</p> : null}
    </li>
  );
}
