import { useTranslation } from 'react-i18next';
import { phrasesOf } from './request-topics.ts';
import { BoxGlyph } from '../../ui/icons/glyphs.tsx';

/** Ready-made phrases for the chosen category: big toggles, any number of them, so nobody has to type. */
export function PhrasePicker({ category, value, onChange }: { category: string; value: readonly string[]; onChange: (phrases: string[]) => void }) {
  const { t } = useTranslation('requests');
  const toggle = (phrase: string) =>
    onChange(value.includes(phrase) ? value.filter((p) => p !== phrase) : [...value, phrase]);
  return (
    <div role="group" aria-label={t('phrases.question')} className="choices request-phrases">
      {phrasesOf(category).map((phrase) => {
        const on = value.includes(phrase);
        return (
          <button key={phrase} type="button" aria-pressed={on} className="choice request-phrase" onClick={() => toggle(phrase)}>
            <span className="choice__icon" aria-hidden="true"><BoxGlyph checked={on} /></span>
            {t(`phrases.${category}.${phrase}`)}
          </button>
        );
      })}
    </div>
  );
}
