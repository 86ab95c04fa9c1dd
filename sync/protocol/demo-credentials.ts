import { z } from 'zod';
import { type MemberCredentials, memberCredentialsSchema } from './centre.ts';
import { MEMBER_PIN_PATTERN } from './pin-hash.ts';
import { normalizeEnrolmentCode } from './wire.ts';

/**
 * What `npm start` serves every browser in station-config.json: good for any number of them, and only on a server
 * in demo mode. A kiosk told this code is the demo, not a station.
 */
export const DEMO_ENROLMENT_CODE = 'DEMO-2026-YZ01';
export const isDemoEnrolmentCode = (code: string): boolean => normalizeEnrolmentCode(code) === normalizeEnrolmentCode(DEMO_ENROLMENT_CODE);

/**
 * The demo members' sign-in data (assets/demo/member-credentials.json): one PIN for all of them, printed for
 * whoever tries the demo, and each member's QR secret so the demo can show a code to the camera. Real members'
 * secrets are never kept anywhere: the centre stores and publishes only the hashes.
 */
export const demoCredentialsSchema = z.object({
  pin: z.string().regex(MEMBER_PIN_PATTERN),
  updatedAt: z.iso.datetime({ offset: true }),
  members: z.array(
    memberCredentialsSchema.omit({ updatedAt: true }).extend({
      pinHash: z.string(),
      qrHash: z.string(),
      qrSecret: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    }),
  ),
});
export type DemoCredentials = z.infer<typeof demoCredentialsSchema>;

/** What the centre publishes of the demo file: the hashes only. */
export const demoMemberCredentials = (demo: DemoCredentials): MemberCredentials[] =>
  demo.members.map(({ memberId, pinHash, qrHash }) => memberCredentialsSchema.parse({ memberId, pinHash, qrHash, updatedAt: demo.updatedAt }));
