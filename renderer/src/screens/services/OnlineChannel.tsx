import { useTranslation } from 'react-i18next';
import { QrCode } from '@shared/ui/QrCode.tsx';
import './services.css';

/** An official online channel: a QR code to scan with the resident's own phone, and the address for typing. */
export function OnlineChannel({ channel, url }: { channel: string; url: string }) {
  const { t } = useTranslation('services');
  return (
    <div className="svc-online">
      <QrCode text={url} label={channel} />
      <p className="svc-online__url">
        <span className="visually-hidden">{t('ways.online.link')}</span>
        {url}
      </p>
    </div>
  );
}
