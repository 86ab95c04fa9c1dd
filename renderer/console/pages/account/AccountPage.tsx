import { MIN_PASSWORD_LENGTH } from '@protocol/console/session.ts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { isApiError } from '../../api/errors.ts';
import { useSession, useSessionState } from '../../app/session.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

/**
 * The staff member's own account: who they are and in which role, when this session ends, a new password (the
 * account's other sessions end), and signing out on every device at once (a lost phone, a shared computer).
 */
export default function AccountPage() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const client = useClient();
  const session = useSession();
  const { signOutEverywhere } = useSessionState();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'short' | 'mismatch' | 'wrong' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH) return setProblem('short');
    if (next !== again) return setProblem('mismatch');
    setProblem(null);
    setError(null);
    try {
      const { ended } = await client.call('changePassword', { body: { currentPassword: current, newPassword: next } });
      setDone(t('account.changed', { count: ended }));
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (failure) {
      if (isApiError(failure, 'invalid-credentials')) setProblem('wrong');
      else setError(failure);
    }
  };

  return (
    <>
      <PageHeader title={t('account.title')} lead={t('account.lead', { name: session.staff.name, login: session.staff.login, role: t(`console:role.${session.staff.role.kind}`) })} />
      <section className="card" aria-labelledby="session-title">
        <h2 id="session-title" className="section__title">
          {t('account.session')}
        </h2>
        <p>{t('account.expires', { idle: format.dateTime(session.idleExpiresAt), absolute: format.dateTime(session.expiresAt) })}</p>
        <p className="muted">{t('account.everywhereHint')}</p>
        <div className="form__actions">
          <button type="button" className="btn btn--danger" onClick={() => void signOutEverywhere().catch(setError)}>
            {t('account.everywhere')}
          </button>
        </div>
      </section>
      <section className="card section" aria-labelledby="password-title">
        <h2 id="password-title" className="section__title">
          {t('account.password')}
        </h2>
        {done ? <Notice tone="ok">{done}</Notice> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <form className="form form--narrow" onSubmit={(event) => void change(event)} noValidate>
          <input type="text" name="username" autoComplete="username" value={session.staff.login} readOnly hidden />
          <Field label={t('account.current')} error={problem === 'wrong' ? t('account.wrong') : undefined}>
            <input className="input" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
          </Field>
          <Field label={t('account.new')} hint={t('staff.passwordHint', { count: MIN_PASSWORD_LENGTH })} error={problem === 'short' ? t('staff.passwordShort', { count: MIN_PASSWORD_LENGTH }) : undefined}>
            <input className="input" type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />
          </Field>
          <Field label={t('account.again')} error={problem === 'mismatch' ? t('account.mismatch') : undefined}>
            <input className="input" type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
          </Field>
          <div className="form__actions">
            <button type="submit" className="btn btn--primary">
              {t('account.change')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
