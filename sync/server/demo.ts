import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { catalogueSchema } from '../protocol/catalogue.ts';
import { bootstrapDemoMembers } from './demo-members.ts';
import { publishCatalogue } from './publish.ts';
import type { Storage } from './storage/types.ts';
import { enrolmentCodeHash, newEnrolmentCode } from './tokens.ts';

export const DEMO_STATION_ID = 'demo-station';
/** Printed for the demo: enrol the demo kiosk with it. Valid once, on a database the demo created. */
export const DEMO_ENROLMENT_CODE = 'DEMO-2026-YZ01';
export const DEMO_CATALOGUE = new URL('../../assets/demo/catalogue.json', import.meta.url);

/**
 * On an empty database: publishes the shipped demo catalogue for the demo station, creates that station and a
 * fixed enrolment code, so one command shows a kiosk syncing. On later starts it only says where things stand.
 */
export const bootstrapDemo = async (storage: Storage, { logger, now, dataDir }: { logger: FastifyBaseLogger; now: Date; dataDir?: string }) => {
  const stations = await storage.listStations();
  if (stations.length === 0) {
    const catalogue = catalogueSchema.parse(JSON.parse(await readFile(DEMO_CATALOGUE, 'utf8')));
    await storage.createStation({ id: DEMO_STATION_ID, name: catalogue.station.name['zh-CN'], now });
    const published = await publishCatalogue(storage, catalogue, 'station', now);
    await storage.createEnrolmentCode({
      stationId: DEMO_STATION_ID,
      codeHash: enrolmentCodeHash(DEMO_ENROLMENT_CODE),
      expiresAt: new Date(now.getTime() + 365 * 86_400_000),
      now,
    });
    logger.info({ station: DEMO_STATION_ID, published }, 'demo data published on an empty database');
  }
  const demo = await storage.getStation(DEMO_STATION_ID);
  if (!demo || demo.revokedAt) return { created: false, enrolmentCode: null };
  await bootstrapDemoMembers(storage, { logger, now, stationId: DEMO_STATION_ID, created: stations.length === 0, ...(dataDir ? { outDir: dataDir } : {}) });
  if (!demo.enrolled) {
    logger.info({ station: DEMO_STATION_ID, code: DEMO_ENROLMENT_CODE }, `demo station waiting: enrol the kiosk with code ${DEMO_ENROLMENT_CODE}`);
    return { created: stations.length === 0, enrolmentCode: DEMO_ENROLMENT_CODE };
  }
  // Already enrolled once: a fresh code for this run, so a browser with empty storage can join the demo again.
  const code = newEnrolmentCode();
  await storage.createEnrolmentCode({ stationId: DEMO_STATION_ID, codeHash: enrolmentCodeHash(code), expiresAt: new Date(now.getTime() + 86_400_000), now });
  logger.info({ station: DEMO_STATION_ID, code }, `demo station enrolled before; code for another kiosk: ${code}`);
  return { created: false, enrolmentCode: code };
};
