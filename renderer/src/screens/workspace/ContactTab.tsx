import type { Member } from '@protocol/catalogue.ts';
import { dayKey } from '@protocol/time.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { RevealPhone } from './RevealPhone.tsx';

const DAY_MS = 86_400_000;
const RECENT_DAYS = 30;

/**
 * Residents who asked to be called back (they left a phone with consent) in the last month, newest first: their
 * request or referral, and the masked phone with a button that shows it in full (an audit record each time).
 */
export function ContactTab({ member }: { member: Member }) {
  const { t } = useTranslation('volunteer');
  const { t: tr } = useTranslation('requests');
  const localize = useLocalized();
  const { db } = useStore();
  const contacts = useLiveQuery(async () => {
    const since = dayKey(new Date(Date.now() - RECENT_DAYS * DAY_MS));
    const [requests, referrals, services] = await Promise.all([
      db.requests.where('day').aboveOrEqual(since).filter((r) => r.contact?.phone !== undefined).toArray(),
      db.referrals.where('day').aboveOrEqual(since).filter((r) => r.contact?.phone !== undefined).toArray(),
      db.services.toArray(),
    ]);
    const serviceName = new Map(services.map((s) => [s.id, s.name]));
    return [
      ...requests.map((r) => ({ id: r.id, at: r.at, kind: 'request' as const, contact: r.contact!, label: `${r.number} · ${tr(`kinds.${r.requestKind}.name`)} · ${tr(`categories.${r.category}`)}` })),
      ...referrals.map((r) => {
        const name = serviceName.get(r.serviceId);
        return { id: r.id, at: r.at, kind: 'referral' as const, contact: r.contact!, label: `${r.queueNo} · ${name ? localize(name) : r.serviceId}` };
      }),
    ].sort((a, b) => b.at.localeCompare(a.at));
  }, [db, localize, tr]);
  if (!contacts) return null;
  return (
    <div className="contact-tab">
      <p className="muted">{t('contact.lead')}</p>
      {contacts.length === 0 ? <p className="muted">{t('contact.empty')}</p> : null}
      <ul className="list">
        {contacts.map((c) => (
          <li key={c.id} className="card contact-item">
            <p className="contact-item__what">{c.label}</p>
            <p className="muted">{new Date(c.at).toLocaleString()}</p>
            <RevealPhone contact={c.contact} subject={{ kind: c.kind, id: c.id }} memberId={member.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
