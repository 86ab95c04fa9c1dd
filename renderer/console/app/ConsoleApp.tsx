import { useTranslation } from 'react-i18next';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useSessionState } from './session.tsx';
import { Shell } from './Shell.tsx';

/** Signed in: the console; signed out: the sign-in page, at whatever address was asked for (it opens after). */
export function ConsoleApp() {
  const { t } = useTranslation('console');
  const { state } = useSessionState();
  switch (state.phase) {
    case 'checking':
      return (
        <main id="main" className="sign-in">
          <Loading />
        </main>
      );
    case 'unreachable':
      return (
        <main id="main" className="sign-in">
          <h1 className="visually-hidden">{t('app.title')}</h1>
          <Notice tone="error">
            {t('error.network')}{' '}
            <button type="button" className="btn btn--quiet btn--small" onClick={state.retry}>
              {t('action.retry')}
            </button>
          </Notice>
        </main>
      );
    case 'signed-out':
      return <SignInPage reason={state.reason} />;
    case 'signed-in':
      return <Shell />;
  }
}
