import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useSessionState } from '../../app/session.tsx';
import { isApiError } from '../../api/errors.ts';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

/** Why the last sign-in failed, in words: the server's code, and for a lockout how long it lasts. */
const failureText = (error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string => {
  if (isApiError(error, 'invalid-credentials')) return t('error.invalid');
  if (isApiError(error, 'account-locked') || isApiError(error, 'rate-limited')) {
    const minutes = Math.max(1, Math.ceil((error.body?.retryAfterSeconds ?? 60) / 60));
    return t(error.code === 'account-locked' ? 'error.locked' : 'error.rateLimited', { count: minutes });
  }
  if (isApiError(error, 'bad-request')) return t('error.malformed');
  if (isApiError(error, 'network')) return t('console:error.network');
  return t('console:error.unknown');
};

/**
 * Signing in: the login name and password, the reason the last session ended (expired, signed out), and why a
 * try failed (wrong password, locked after too many tries). The form never says which of name or password was
 * wrong, as the server does not.
 */
export function SignInPage({ reason }: { reason: 'none' | 'expired' | 'logged-out' }) {
  const { t } = useTranslation('signin');
  const { signIn } = useSessionState();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!login.trim() || !password) {
      setFailure(t('error.missing'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await signIn(login.trim(), password);
    } catch (error) {
      setFailure(failureText(error, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <div className="sign-in__card">
        <p className="sign-in__brand" aria-hidden="true">
          ★
        </p>
        <PageHeader title={t('title')} lead={t('lead')} />
        {reason === 'expired' ? <Notice tone="warning">{t('expired')}</Notice> : null}
        {reason === 'logged-out' ? <Notice tone="info">{t('loggedOut')}</Notice> : null}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <Field label={t('login')}>
            <input className="input" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={login} onChange={(event) => setLogin(event.target.value)} />
          </Field>
          <Field label={t('password')}>
            <input className="input" type="password" name="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </Field>
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('signingIn') : t('submit')}
          </button>
        </form>
        <p className="sign-in__help">{t('help')}</p>
      </div>
    </main>
  );
}
