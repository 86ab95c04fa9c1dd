import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation.tsx';
import { useScreenSpeech } from '../app/read-aloud.tsx';
import { Button } from './Button.tsx';
import { CheckGlyph } from './icons/glyphs.tsx';

/** The end of every flow: a clear "done", what happens next, and one big button home. */
export function Confirmation({ title, speech, children }: { title: string; speech: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { home } = useNavigation();
  useScreenSpeech(speech);
  return (
    <section className="screen" aria-labelledby="screen-title" style={{ alignItems: 'center', textAlign: 'center', justifyContent: 'center' }}>
      <div aria-hidden="true" style={{ fontSize: 'min(calc(5rem * var(--scale)), 12vh)', lineHeight: 1, color: 'var(--ok)' }}><CheckGlyph /></div>
      <div role="status">
        <h1 id="screen-title" className="screen__title">{title}</h1>
      </div>
      {children}
      <Button variant="primary" large onClick={home}>{t('nav.done')}</Button>
    </section>
  );
}
