import type { StationHealth } from '@protocol/console/stations.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useFormat } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';

type Shown = { kind: 'code'; code: string; expiresAt: string } | { kind: 'token'; token: string } | null;

/**
 * What a technician's day needs for one station, behind one button: a one-time enrolment code for its tablet,
 * a new token (the old one stops working; shown once, to enter on the tablet), or revoking it (a lost or
 * stolen tablet). Revoking and a new token ask first.
 */
export function StationActions({ health, onChanged }: { health: StationHealth; onChanged: (message: string) => void }) {
  const { t } = useTranslation('stations');
  const client = useClient();
  const format = useFormat();
  const { station } = health;
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState(72);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (step: () => Promise<void>) => {
    setError(null);
    try {
      await step();
    } catch (failure) {
      setError(failure);
    }
  };
  const close = () => {
    setOpen(false);
    setConfirm(null);
    setShown(null);
    setError(null);
  };
  return (
    <>
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)} aria-label={t('actions.openFor', { name: station.name })}>
        {t('actions.open')}
      </button>
      {open ? (
        <Dialog title={t('actions.title', { name: station.name })} onClose={close}>
          <div className="form">
            {error ? <ErrorNotice error={error} /> : null}
            {shown?.kind === 'code' ? (
              <Notice tone="ok">
                {t('actions.codeIs')} <strong className="mono big-code">{shown.code}</strong>
                <br />
                {t('actions.codeExpires', { at: format.dateTime(shown.expiresAt) })}
              </Notice>
            ) : null}
            {shown?.kind === 'token' ? (
              <Notice tone="warning">
                {t('actions.tokenIs')} <code className="mono token">{shown.token}</code>
                <br />
                {t('actions.tokenOnce')}
              </Notice>
            ) : null}
            {station.revokedAt ? (
              <Notice tone="info">{t('actions.isRevoked', { at: format.dateTime(station.revokedAt) })}</Notice>
            ) : (
              <>
                <section aria-labelledby="code-title" className="action-block">
                  <h3 id="code-title">{t('actions.code')}</h3>
                  <p className="muted">{station.enrolled ? t('actions.codeReenrol') : t('actions.codeExplain')}</p>
                  <div className="form__row">
                    <Field label={t('actions.validFor')}>
                      <select className="select" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
                        {[24, 72, 168, 720].map((option) => (
                          <option key={option} value={option}>
                            {t('actions.hours', { count: option })}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <button
                      type="button"
                      className="btn btn--primary"
                      onClick={() =>
                        void run(async () => {
                          const { code } = await client.call('enrolmentCode', { params: { stationId: station.id }, body: { hours } });
                          setShown({ kind: 'code', code: code.code, expiresAt: code.expiresAt });
                        })
                      }
                    >
                      {t('actions.makeCode')}
                    </button>
                  </div>
                </section>
                {station.enrolled ? (
                  <section aria-labelledby="token-title" className="action-block">
                    <h3 id="token-title">{t('actions.rotate')}</h3>
                    <p className="muted">{t('actions.rotateExplain')}</p>
                    {confirm === 'rotate' ? (
                      <div className="form__row">
                        <span>{t('actions.sure')}</span>
                        <button
                          type="button"
                          className="btn btn--danger"
                          onClick={() =>
                            void run(async () => {
                              const { token } = await client.call('rotateStationToken', { params: { stationId: station.id } });
                              setConfirm(null);
                              setShown({ kind: 'token', token });
                            })
                          }
                        >
                          {t('actions.rotateNow')}
                        </button>
                        <button type="button" className="btn" onClick={() => setConfirm(null)}>
                          {t('console:action.cancel')}
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="btn" onClick={() => setConfirm('rotate')}>
                        {t('actions.rotate')}
                      </button>
                    )}
                  </section>
                ) : null}
                <section aria-labelledby="revoke-title" className="action-block">
                  <h3 id="revoke-title">{t('actions.revoke')}</h3>
                  <p className="muted">{t('actions.revokeExplain')}</p>
                  {confirm === 'revoke' ? (
                    <div className="form__row">
                      <span>{t('actions.sure')}</span>
                      <button
                        type="button"
                        className="btn btn--danger"
                        onClick={() =>
                          void run(async () => {
                            await client.call('revokeStation', { params: { stationId: station.id } });
                            close();
                            onChanged(t('actions.revoked', { name: station.name }));
                          })
                        }
                      >
                        {t('actions.revokeNow')}
                      </button>
                      <button type="button" className="btn" onClick={() => setConfirm(null)}>
                        {t('console:action.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="btn btn--danger" onClick={() => setConfirm('revoke')}>
                      {t('actions.revoke')}
                    </button>
                  )}
                </section>
              </>
            )}
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
