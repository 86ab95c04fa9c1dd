import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { demoCredentialsSchema, demoMemberCredentials } from '../protocol/demo-credentials.ts';
import { memberQrText } from '../protocol/pin-hash.ts';
import { qrSvg } from './members.ts';
import type { Storage } from './storage/types.ts';

export const DEMO_CREDENTIALS = new URL('../../assets/demo/member-credentials.json', import.meta.url);
/** The demo member whose QR code is written out for a newcomer to show to the kiosk's camera. */
export const DEMO_QR_MEMBER = 'wang-xiulan';

/**
 * The demo's volunteers: on the database the demo creates, publishes every demo member's PIN and QR hashes for the
 * demo station (assets/demo/member-credentials.json); on every start, says the demo PIN and writes one member's QR
 * code as an SVG (data/demo-member-qr.svg) to open on a phone and hold up to the camera.
 */
export const bootstrapDemoMembers = async (
  storage: Storage,
  { logger, now, stationId, created, outDir = 'data' }: { logger: FastifyBaseLogger; now: Date; stationId: string; created: boolean; outDir?: string },
): Promise<{ pin: string; qrFile: string }> => {
  const demo = demoCredentialsSchema.parse(JSON.parse(await readFile(DEMO_CREDENTIALS, 'utf8')));
  if (created) {
    for (const credentials of demoMemberCredentials(demo)) {
      await storage.putCentreEntry({ collection: 'member-credentials', scope: stationId, id: credentials.memberId, value: credentials, now });
    }
  }
  const member = demo.members.find((m) => m.memberId === DEMO_QR_MEMBER) ?? demo.members[0]!;
  await mkdir(outDir, { recursive: true });
  const qrFile = join(outDir, 'demo-member-qr.svg');
  await writeFile(qrFile, qrSvg(memberQrText(member.memberId, member.qrSecret), member.memberId));
  logger.info({ pin: demo.pin, qrFile }, `demo volunteers: tap 志愿者 at the bottom of the kiosk and sign in with PIN ${demo.pin}, or show ${qrFile} to the camera`);
  return { pin: demo.pin, qrFile };
};
