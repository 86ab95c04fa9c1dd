import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation.tsx';
import { useScreenSpeech } from '../app/read-aloud.tsx';
import { Button } from './Button.tsx';
import { BackGlyph, HomeGlyph } from './icons/glyphs.tsx';

/**
 * Every screen but home: a title, a way back and a way home, and the text read aloud for it
 * (the title and lead unless the screen says more). Back is always the same word in the same place, top left:
 * to the last screen, or to the last step of a screen that asks in steps (`onBack`).
 */
export function Screen({ title, lead, speech, children, actions, onBack }: { title: string; lead?: string; speech?: string; children: ReactNode; actions?: ReactNode; onBack?: () => void }) {
  const { t } = useTranslation();
  const { back, home, depth } = useNavigation();
  const goBack = onBack ?? (depth > 1 ? back : undefined);
  useScreenSpeech(speech ?? [title, lead].filter(Boolean).join('。'));
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__head">
        {goBack ? <Button variant="quiet" icon={<BackGlyph />} className="screen__back" onClick={goBack}>{t('nav.back')}</Button> : null}
        <h1 id="screen-title" className="screen__title">{title}</h1>
        <Button variant="quiet" icon={<HomeGlyph />} className="screen__home" onClick={home}>{t('nav.home')}</Button>
      </header>
      {lead ? <p className="screen__lead">{lead}</p> : null}
      <div className="screen__body">{children}</div>
      {actions ? <div className="actions actions--sticky">{actions}</div> : null}
    </section>
  );
}
