import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DemoCredentials, demoCredentialsSchema, demoMemberCredentials } from '../protocol/demo-credentials.ts';
import { memberQrText } from '../protocol/pin-hash.ts';
import { qrSvg } from './members.ts';
import type { Storage } from './storage/types.ts';

export const DEMO_CREDENTIALS = new URL('../../assets/demo/member-credentials.json', import.meta.url);
/** The demo member whose QR code is written out for a newcomer to show to the kiosk's camera. */
export const DEMO_QR_MEMBER = 'wang-xiulan';
export const DEMO_QR_FILE = 'demo-member-qr.svg';

/** The demo's volunteers (assets/demo/member-credentials.json): one PIN for all, and each one's QR secret. */
export const loadDemoCredentials = async (): Promise<DemoCredentials> => demoCredentialsSchema.parse(JSON.parse(await readFile(DEMO_CREDENTIALS, 'utf8')));

/** Publishes every demo member's PIN and QR hashes (never a secret) for one demo station. */
export const publishDemoCredentials = async (storage: Storage, demo: DemoCredentials, stationId: string, now: Date): Promise<void> => {
  for (const credentials of demoMemberCredentials(demo)) {
    await storage.putCentreEntry({ collection: 'member-credentials', scope: stationId, id: credentials.memberId, value: credentials, now });
  }
};

/**
 * What a newcomer needs to try the volunteers' side: the demo PIN, and one member's QR code written as an SVG
 * (`<outDir>/demo-member-qr.svg`) to open on a phone and hold up to the kiosk's camera.
 */
export const writeDemoMemberQr = async (demo: DemoCredentials, outDir: string): Promise<{ pin: string; qrFile: string }> => {
  const member = demo.members.find((m) => m.memberId === DEMO_QR_MEMBER) ?? demo.members[0]!;
  await mkdir(outDir, { recursive: true });
  const qrFile = join(outDir, DEMO_QR_FILE);
  await writeFile(qrFile, qrSvg(memberQrText(member.memberId, member.qrSecret), member.memberId));
  return { pin: demo.pin, qrFile };
};
