import type { Member } from '@protocol/catalogue.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigation.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { useStore } from '../../store/StoreProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Icon } from '../../ui/icons/Icon.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { useOpenSessions } from '../../volunteers/useOpenSessions.ts';
import { Avatar } from '../duty/Avatar.tsx';
import { ContactTab } from './ContactTab.tsx';
import { HandoverNotes } from './HandoverNotes.tsx';
import { HoursTab } from './HoursTab.tsx';
import { QueueTab } from './QueueTab.tsx';
import { RequestsTab } from './RequestsTab.tsx';
import { SignOutPanel } from './SignOutPanel.tsx';
import './workspace.css';

const tabs = ['queue', 'requests', 'contact', 'hours'] as const;
type Tab = (typeof tabs)[number];
const icons: Record<Tab, string> = { queue: '🔢', requests: '💌', contact: '📞', hours: '⏱️' };

/**
 * A signed-in volunteer's workspace: the queue, the station's requests, residents' contacts and their own hours,
 * with the last shift's handover on top. It locks (back to the residents' home) on 锁定, on sign-out, or after the
 * policy's idle seconds (app/IdleGuard), and opening it again takes the PIN or the QR code.
 */
export default function Workspace({ member, method, signedInNow, onSignedOut }: { member: Member; method: 'pin' | 'qr'; signedInNow: boolean; onSignedOut: (minutes: number) => void }) {
  const { t } = useTranslation('volunteer');
  const localize = useLocalized();
  const { db } = useStore();
  const { home } = useNavigate();
  const unit = useLiveQuery(() => db.units.get(member.unitId), [db, member.unitId]);
  const session = useOpenSessions()?.find((s) => s.memberId === member.id);
  const [tab, setTab] = useState<Tab>('queue');
  const [signingOut, setSigningOut] = useState(false);
  const since = session ? new Date(session.start).toTimeString().slice(0, 5) : '';

  return (
    <Screen title={t('workspace.title')} speech={[t('workspace.title'), t('workspace.hello', { name: member.name }), t(`tabs.${tab}`)].join('。')}>
      {/* Who is signed in, and the two ways out, in one compact row: the queue below gets the screen. */}
      <div className="workspace-who card">
        <Avatar member={member} small />
        <div className="workspace-who__text">
          <p className="workspace-who__name">
            {t('workspace.hello', { name: member.name })}
            {signedInNow ? <span className="pill pill--ok" role="status">{t('workspace.signedIn')}</span> : null}
          </p>
          <p className="person__org">{[unit ? localize(unit.name) : '', session ? t('workspace.since', { time: since }) : ''].filter(Boolean).join(' · ')}</p>
        </div>
        <div className="workspace-who__actions">
          <Button icon="🔒" onClick={home}>{t('workspace.lock')}</Button>
          <Button variant="primary" icon="👋" disabled={!session} onClick={() => setSigningOut(true)}>{t('workspace.signOut')}</Button>
        </div>
      </div>
      {signingOut && session ? (
        <SignOutPanel member={member} method={method} session={session} onCancel={() => setSigningOut(false)} onSignedOut={onSignedOut} />
      ) : (
        <>
          <HandoverNotes open={signedInNow} />
          <div className="workspace-tabs" role="tablist" aria-label={t('workspace.tabs')}>
            {tabs.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                className="workspace-tab"
                onClick={() => setTab(name)}
              >
                <Icon emoji={icons[name]} /> {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="workspace-panel">
            {tab === 'queue' ? <QueueTab member={member} /> : null}
            {tab === 'requests' ? <RequestsTab member={member} /> : null}
            {tab === 'contact' ? <ContactTab member={member} /> : null}
            {tab === 'hours' ? <HoursTab member={member} /> : null}
          </div>
        </>
      )}
    </Screen>
  );
}
