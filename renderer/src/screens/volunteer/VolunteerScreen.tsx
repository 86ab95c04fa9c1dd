import type { Member } from '@protocol/catalogue.ts';
import { useState } from 'react';
import { useStore } from '../../store/StoreProvider.tsx';
import { useRecordStationId } from '../../store/useCommit.ts';
import { policyOf } from '../../volunteers/policy.ts';
import { openSessions, recentShiftEvents, sessionsOf, signIn } from '../../volunteers/shifts.ts';
import type { Present } from '../../volunteers/presence.ts';
import Workspace from '../workspace/Workspace.tsx';
import { PickVolunteer } from './PickVolunteer.tsx';
import { PinStep } from './PinStep.tsx';
import { QrStep } from './QrStep.tsx';
import { SignatureStep } from './SignatureStep.tsx';
import { VolunteerDone, type DoneKind } from './VolunteerDone.tsx';
import { WalkInOut } from './WalkInOut.tsx';
import { WalkInStep } from './WalkInStep.tsx';
import './volunteer.css';

export type Method = 'pin' | 'qr';

type Step =
  | { name: 'pick' }
  | { name: 'pin'; member: Member }
  | { name: 'scan' }
  | { name: 'walk-in' }
  | { name: 'walk-in-out'; present: Present }
  | { name: 'signature'; member: Member; method: Method }
  | { name: 'workspace'; member: Member; method: Method; signedInNow: boolean }
  | { name: 'done'; kind: DoneKind; who: string; minutes?: number };

/**
 * The volunteers' way in, one step at a time: pick yourself (or scan your code, or register as a walk-in), your
 * PIN, then your shift is signed and the workspace opens. Everything lives in this screen's state, so leaving it
 * (home, or the idle lock) locks the workspace: the next person needs the PIN again.
 */
export default function VolunteerScreen() {
  const { db, station } = useStore();
  const stationId = useRecordStationId();
  const [step, setStep] = useState<Step>({ name: 'pick' });

  /** Once a member is known: straight to the workspace if already signed in, else sign the shift first. */
  const identified = async (member: Member, method: Method, signature?: string) => {
    const now = new Date();
    const open = openSessions(sessionsOf(await recentShiftEvents(db, now), await db.shifts.toArray(), station, now));
    if (open.some((session) => session.memberId === member.id)) return setStep({ name: 'workspace', member, method, signedInNow: false });
    if (policyOf(station).signature && signature === undefined) return setStep({ name: 'signature', member, method });
    await signIn(db, stationId, { volunteer: { memberId: member.id }, method, ...(signature ? { signature } : {}) }, now);
    setStep({ name: 'workspace', member, method, signedInNow: true });
  };

  switch (step.name) {
    case 'pick':
      return (
        <PickVolunteer
          onMember={(member) => setStep({ name: 'pin', member })}
          onScan={() => setStep({ name: 'scan' })}
          onWalkIn={() => setStep({ name: 'walk-in' })}
          onWalkInOut={(present) => setStep({ name: 'walk-in-out', present })}
        />
      );
    case 'pin':
      return <PinStep member={step.member} onBack={() => setStep({ name: 'pick' })} onVerified={() => identified(step.member, 'pin')} />;
    case 'scan':
      return <QrStep onBack={() => setStep({ name: 'pick' })} onMember={(member) => identified(member, 'qr')} />;
    case 'signature':
      return <SignatureStep member={step.member} onBack={() => setStep({ name: 'pick' })} onSigned={(path) => identified(step.member, step.method, path)} />;
    case 'walk-in':
      return <WalkInStep onBack={() => setStep({ name: 'pick' })} onSignedIn={(who) => setStep({ name: 'done', kind: 'walk-in-in', who })} />;
    case 'walk-in-out':
      return <WalkInOut present={step.present} onBack={() => setStep({ name: 'pick' })} onSignedOut={(who, minutes) => setStep({ name: 'done', kind: 'walk-in-out', who, minutes })} />;
    case 'workspace':
      return (
        <Workspace
          member={step.member}
          method={step.method}
          signedInNow={step.signedInNow}
          onSignedOut={(minutes) => setStep({ name: 'done', kind: 'signed-out', who: step.member.name, minutes })}
        />
      );
    case 'done':
      return <VolunteerDone kind={step.kind} who={step.who} minutes={step.minutes} />;
  }
}
