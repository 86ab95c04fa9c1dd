import { isDemoEnrolmentCode } from '@protocol/demo-credentials.ts';
import type { PublicConfig } from '@shell/bridge.ts';

/**
 * Whether the demo volunteers' PIN and QR codes, which the README prints, may sign anyone in here. The first start
 * writes the demo catalogue and those credentials on every tablet, and a real station keeps them until its first
 * full pull from the centre: an unenrolled station, or one serving offline from its setup on, would otherwise let
 * anyone who read the README in as a demo volunteer, who sees residents' phone numbers.
 *
 * So they count only where the demo is meant: a kiosk told the demo's enrolment code (`npm start`), or one that
 * nothing provisions (no setup saved, no enrolment code, no station or centre of its own; a browser kiosk's
 * centre is then the origin that served it). Not while the config is still being read.
 */
export const demoSignInAllowed = (config: PublicConfig | null, pageOrigin: string): boolean => {
  if (!config || config.sources.includes('setup')) return false;
  if (config.enrolmentCode !== null) return isDemoEnrolmentCode(config.enrolmentCode);
  // A browser kiosk's stationId falls back to its catalogue's, the demo's until a centre sends its own.
  if (config.shell === 'electron') return config.stationId === null && config.serverUrl === null;
  return config.serverUrl === null || originOf(config.serverUrl) === pageOrigin;
};

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

let demoHashes: Promise<ReadonlySet<string>> | undefined;

/** Whether a PIN or QR hash is one of the demo members' (lazily loaded: only a sign-in needs the file). */
export const isDemoHash = async (hash: string): Promise<boolean> => {
  demoHashes ??= import('@assets/demo/member-credentials.json').then(({ default: file }) => new Set(file.members.flatMap((member) => [member.pinHash, member.qrHash])));
  return (await demoHashes).has(hash);
};
