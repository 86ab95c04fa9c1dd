import type { Member } from '@protocol/catalogue.ts';
import { hashMemberQrSecret, memberQrText, newMemberQrSecret } from '@protocol/pin-hash.ts';
import { QrCode } from '@shared/ui/QrCode.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ApiProvider.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Notice } from '../../ui/Notice.tsx';

/**
 * Issues a member's QR sign-in badge. The secret is made here (128 random bits) and only its SHA-256 is sent;
 * the badge shows the secret once, to print. Issuing again replaces the old badge (it stops working at every
 * station on its next pull); withdrawing leaves the member the PIN alone.
 */
export function QrBadgeDialog({
  scope,
  member,
  unitName,
  communityName,
  hasQr,
  onClose,
  onSaved,
  onWithdrawn,
}: {
  scope: string;
  member: Member;
  unitName: string;
  communityName: string;
  hasQr: boolean;
  onClose: () => void;
  onSaved: () => void;
  onWithdrawn: (message: string) => void;
}) {
  const { t } = useTranslation('publish');
  const client = useClient();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setError(null);
    const next = newMemberQrSecret();
    try {
      await client.call('setMemberCredentials', { body: { scope, memberId: member.id, qrHash: await hashMemberQrSecret(next) } });
      setSecret(next);
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('setMemberCredentials', { body: { scope, memberId: member.id, qrHash: null } });
      onWithdrawn(t('qr.withdrawn', { name: member.name }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('qr.title', { name: member.name })}
      onClose={onClose}
      footer={
        secret ? (
          <>
            <button type="button" className="btn" onClick={onClose}>
              {t('console:action.close')}
            </button>
            <button type="button" className="btn btn--primary" onClick={() => window.print()}>
              {t('qr.print')}
            </button>
          </>
        ) : (
          <>
            {hasQr ? (
              <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void withdraw()}>
                {t('qr.withdraw')}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={onClose}>
              {t('console:action.cancel')}
            </button>
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void issue()}>
              {hasQr ? t('qr.reissue') : t('qr.issue')}
            </button>
          </>
        )
      }
    >
      {error ? <ErrorNotice error={error} /> : null}
      {secret ? (
        <>
          <Notice tone="warning">{t('qr.once')}</Notice>
          <div className="badge-card print-only-target">
            <p className="badge-card__org">{communityName}</p>
            <QrCode text={memberQrText(member.id, secret)} label={t('qr.label', { name: member.name })} />
            <p className="badge-card__name">{member.name}</p>
            <p className="badge-card__unit">{unitName}</p>
            <p className="badge-card__hint">{t('qr.badgeHint')}</p>
          </div>
        </>
      ) : (
        <p className="muted">{hasQr ? t('qr.explainReissue') : t('qr.explain')}</p>
      )}
    </Dialog>
  );
}
