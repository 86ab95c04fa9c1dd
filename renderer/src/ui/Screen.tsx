import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation.tsx';
import { useScreenSpeech } from '../app/read-aloud.tsx';
import { Button } from './Button.tsx';

/**
 * Every screen but home: a title, a way back and a way home, and the text read aloud for it
 * (the title and lead unless the screen says more).
 */
export function Screen({ title, lead, speech, children, actions }: { title: string; lead?: string; speech?: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { back, home, depth } = useNavigation();
  useScreenSpeech(speech ?? [title, lead].filter(Boolean).join('。'));
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__head">
        {depth > 1 ? <Button variant="quiet" icon="←" onClick={back}>{t('nav.back')}</Button> : null}
        <h1 id="screen-title" className="screen__title">{title}</h1>
        <Button variant="quiet" icon="⌂" onClick={home}>{t('nav.home')}</Button>
      </header>
      {lead ? <p className="screen__lead">{lead}</p> : null}
      <div className="screen__body">{children}</div>
      {actions ? <div className="actions actions--sticky">{actions}</div> : null}
    </section>
  );
}
