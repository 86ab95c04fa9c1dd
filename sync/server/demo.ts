import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { type Catalogue, catalogueSchema } from '../protocol/catalogue.ts';
import { DEMO_ENROLMENT_CODE, isDemoEnrolmentCode } from '../protocol/demo-credentials.ts';
import { DEMO_PIN } from '../protocol/pin-hash.ts';
import { bootstrapConsoleDemo, type ConsoleDemo, joinDemoCommunity } from './console/demo.ts';
import { publishCatalogue } from './publish.ts';
import { loadDemoCredentials, publishDemoCredentials, writeDemoMemberQr } from './demo-members.ts';
import { StorageConflictError, type Storage } from './storage/types.ts';
import { sha256 } from './tokens.ts';

export { DEMO_ENROLMENT_CODE };
/** Every demo station's id starts so: `demo-` and ten hex digits of its browser's install id. */
export const DEMO_STATION_PREFIX = 'demo-';
export const DEMO_CATALOGUE = new URL('../../assets/demo/catalogue.json', import.meta.url);

const YEAR_MS = 365 * 86_400_000;

export const loadDemoCatalogue = async (): Promise<Catalogue> => catalogueSchema.parse(JSON.parse(await readFile(DEMO_CATALOGUE, 'utf8')));

/** The demo station of one browser: the same install always gets the same station. */
export const demoStationId = (installId: string): string => `${DEMO_STATION_PREFIX}${sha256(`demo-station:${installId}`).slice(0, 10)}`;

/**
 * The demo's enrolment: the demo code stands for a one-time code of the browser's own demo station, made on
 * its first visit (the station, the demo catalogue published for it, the code bound to its install id). From
 * there enrolment is the ordinary one: the code is redeemed once, a lost answer is reclaimed by the same
 * install. So any number of browsers sync, each as its own station, and a restart (the same fixed code, no new
 * one) evicts no one. Only in demo mode: elsewhere the demo code is no code at all.
 */
export interface DemoEnrolment {
  isDemoCode(code: string): boolean;
  /** Makes sure the install's station and code exist; returns the code's hash, for the ordinary redemption. */
  prepare(installId: string, now: Date): Promise<string>;
}

export const demoEnrolment = (storage: Storage, catalogue: Catalogue): DemoEnrolment => {
  let credentials: ReturnType<typeof loadDemoCredentials> | undefined;
  return {
  isDemoCode: isDemoEnrolmentCode,
  async prepare(installId, now) {
    const stationId = demoStationId(installId);
    // Two requests of one browser may race here (a retry and its original): whatever exists already is fine.
    const exists = async (create: () => Promise<unknown>) => {
      try {
        await create();
      } catch (error) {
        if (!(error instanceof StorageConflictError)) throw error;
      }
    };
    if (!(await storage.getStation(stationId))) await exists(() => storage.createStation({ id: stationId, name: catalogue.station.name['zh-CN'], now }));
    await joinDemoCommunity(storage, stationId, now);
    await publishCatalogue(storage, { ...catalogue, station: { ...catalogue.station, stationId } }, 'station', now);
    // Its volunteers can sign in with the demo PIN or the demo QR code: their hashes, published for this station.
    await publishDemoCredentials(storage, await (credentials ??= loadDemoCredentials()), stationId, now);
    const codeHash = sha256(`enrol-demo:${installId}`);
    await exists(() => storage.createEnrolmentCode({ stationId, codeHash, expiresAt: new Date(now.getTime() + 10 * YEAR_MS), now }));
    return codeHash;
  },
  };
};

/**
 * At start-up in demo mode: says how to join and how many demo stations there are, what a volunteer signs in with
 * (the demo PIN; the demo QR code written under dataDir), and the console's demo login. Kiosk data is left as it is.
 */
export const bootstrapDemo = async (
  storage: Storage,
  { logger, now, dataDir = 'data', consoleUrl = '/console/' }: { logger: FastifyBaseLogger; now: Date; dataDir?: string; consoleUrl?: string },
) => {
  const stations = (await storage.listStations()).filter((s) => s.id.startsWith(DEMO_STATION_PREFIX)).length;
  logger.info(
    { code: DEMO_ENROLMENT_CODE, stations, technicianPin: DEMO_PIN },
    `demo: every browser that opens the kiosk enrols itself as its own demo station with code ${DEMO_ENROLMENT_CODE}; technician PIN ${DEMO_PIN}`,
  );
  const volunteers = await writeDemoMemberQr(await loadDemoCredentials(), dataDir);
  logger.info(volunteers, `demo volunteers: tap 志愿者 at the bottom of the kiosk and sign in with PIN ${volunteers.pin}, or show ${volunteers.qrFile} to the camera`);
  const consoleDemo = await bootstrapConsoleDemo(storage, { logger, now, consoleUrl, stationPrefix: DEMO_STATION_PREFIX });
  return { enrolmentCode: DEMO_ENROLMENT_CODE, stations, volunteers, console: consoleDemo };
};

/** What `npm start` prints for a person at a terminal: where to open the kiosk and what happens then. */
export const demoBanner = ({
  url,
  stations,
  database,
  volunteers,
  console: consoleDemo = null,
}: {
  url: string;
  stations: number;
  database: string;
  volunteers: { pin: string; qrFile: string };
  console?: ConsoleDemo | null;
}): string =>
  [
    '',
    `  Yizhan demo: the central server and the kiosk at ${url}`,
    '',
    '  Open it in any number of browsers (or browser profiles): each one enrols itself as its own demo station',
    `  (code ${DEMO_ENROLMENT_CODE}, handed to it in station-config.json) and syncs; the status line at the bottom`,
    "  right says 已同步 once its records reached the server. Restarting keeps every station and its records",
    `  (${database}; ${stations} demo station${stations === 1 ? '' : 's'} so far).`,
    '',
    `  Volunteers: tap 志愿者 at the bottom, find a name (王秀兰, say), PIN ${volunteers.pin}; or open`,
    `  ${volunteers.qrFile} on a phone and hold it up to the camera (扫二维码签到).`,
    `  Technician screen: tap the station name five times, PIN ${DEMO_PIN}.`,
    '  Stations and their last heartbeat: npm run server:cli -- stations',
    ...(consoleDemo ? [`  Community console: ${consoleDemo.url} (log in as ${consoleDemo.login} / ${consoleDemo.password})`] : []),
    '',
    '',
  ].join('\n');
