import { useTranslation } from 'react-i18next';
import { type Rating, ratings } from './feedback-draft.ts';
import { Icon } from '../../ui/icons/Icon.tsx';

export const faces: Record<Rating, string> = { 1: '😣', 2: '😕', 3: '😐', 4: '🙂', 5: '😄' };

/**
 * Five big faces from unhappy to very happy, each with its word under it for residents who do not read faces
 * the way we expect; a radio group for assistive technology.
 */
export function FaceScale({ label, value, onChange, errorId }: { label: string; value: Rating | undefined; onChange: (rating: Rating) => void; errorId?: string }) {
  const { t } = useTranslation('feedback');
  return (
    <div role="radiogroup" aria-label={label} aria-required="true" aria-invalid={errorId ? true : undefined} aria-describedby={errorId} className="feedback-faces">
      {ratings.map((rating) => (
        <button key={rating} type="button" role="radio" aria-checked={value === rating} className="choice feedback-face" onClick={() => onChange(rating)}>
          <span className="feedback-face__icon" aria-hidden="true"><Icon emoji={faces[rating]} /></span>
          <span className="feedback-face__label">{t(`faces.${rating}`)}</span>
        </button>
      ))}
    </div>
  );
}
