import { pbkdf2, randomBytes, randomInt } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { localeSchema } from '../protocol/catalogue.ts';
import { setupLinkFor } from '../protocol/setup-link.ts';
import { type DeriveKey, hashPin } from '../protocol/pin-hash.ts';
import { serverUrlSchema, stationIdSchema } from '../protocol/wire.ts';
import { provisionSheetHtml } from './provision-sheet.ts';
import type { Storage } from './storage/types.ts';
import { enrolmentCodeHash, newEnrolmentCode } from './tokens.ts';

type Locale = z.infer<typeof localeSchema>;

/**
 * A tablet's own station file, as the kiosk shell reads it from its system path (electron/common/config.ts holds
 * the schema; tests/sync/provisioning.test.ts checks that it accepts these files).
 */
export interface StationFile {
  stationId: string;
  stationName: string;
  serverUrl: string;
  enrolmentCode: string;
  locale: Locale;
  /** With --pins: this station's own technician PIN (its hash; the PIN itself is on the codes sheet). */
  technician?: { pinHash: string };
}

/** A station's own technician PIN: 8 random digits, and the hash its station.json carries. */
const newTechnicianPin = async (): Promise<{ pin: string; pinHash: string }> => {
  const pin = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const derive: DeriveKey = (value, salt, iterations, length) =>
    new Promise((resolve, reject) => pbkdf2(value, salt, iterations, length, 'sha256', (error, key) => (error ? reject(error) : resolve(new Uint8Array(key)))));
  return { pin, pinHash: await hashPin(pin, new Uint8Array(randomBytes(16)), derive) };
};

/** One tablet to prepare: a line of the district's station list. */
export interface StationLine {
  line: number;
  id: string;
  name: string;
  locale: Locale;
}

const HEADER = /^(station-?id|id|编号|站点编号)$/i;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * Reads the district's list: `id,name[,locale]` per line, an optional header, `#` comments and blank lines
 * allowed, fields quoted as spreadsheets export them. Every problem of the whole file is returned at once, so a
 * list with one bad line creates nothing.
 */
export const parseStationList = (bytes: Uint8Array, defaultLocale: Locale = 'zh-CN'): { stations: StationLine[]; problems: string[] } => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on a Chinese Windows saves "CSV" as GBK: its names would arrive as replacement characters.
    return { stations: [], problems: ['not UTF-8 text (a GBK export?): save it as "CSV UTF-8"'] };
  }
  const rows: { record: string[]; line: number }[] = [];
  try {
    parse(text.replace(/^\uFEFF/, ''), {
      comment: '#',
      // Only whole lines are comments: "3#楼" is an address.
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Kept with the line it started on (comments and blank lines counted), for the problems below.
      on_record: (record: string[], context) => {
        rows.push({ record, line: context.lines });
        return null;
      },
    });
  } catch (error) {
    return { stations: [], problems: [`not a CSV file: ${(error as Error).message}`] };
  }
  const stations: StationLine[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach(({ record, line }, index) => {
    const [id = '', name = '', locale = '', ...rest] = record.map((cell) => cell.trim());
    if (index === 0 && HEADER.test(id)) return;
    const at = `line ${line}`;
    if (rest.some((cell) => cell !== '')) problems.push(`${at}: more than three fields (id,name,locale)`);
    if (!stationIdSchema.safeParse(id).success) problems.push(`${at}: bad station id ${JSON.stringify(id)} (lowercase letters, digits and dashes)`);
    else if (WINDOWS_DEVICE.test(id)) problems.push(`${at}: ${id} cannot be a folder name on Windows`);
    if (name === '' || name.length > 64) problems.push(`${at}: the name must be 1 to 64 characters`);
    const parsedLocale = localeSchema.safeParse(locale === '' ? defaultLocale : locale);
    if (!parsedLocale.success) problems.push(`${at}: unknown locale ${JSON.stringify(locale)} (zh-CN or en)`);
    const first = seen.get(id);
    if (first !== undefined) problems.push(`${at}: station ${id} is already on line ${first}`);
    else seen.set(id, line);
    if (parsedLocale.success) stations.push({ line, id, name, locale: parsedLocale.data });
  });
  if (problems.length === 0 && stations.length === 0) problems.push('the list names no station');
  return { stations: problems.length === 0 ? stations : [], problems };
};

export type ProvisionOutcome =
  | { id: string; name: string; outcome: 'code'; created: boolean; code: string; pin: string | null; expiresAt: Date; file: string; link: string }
  | { id: string; name: string; outcome: 'skipped'; reason: 'enrolled' | 'revoked' };

/** Creates the file afresh (an older copy removed first), so it is born readable only by its owner. */
const writeSecret = async (path: string, text: string): Promise<void> => {
  await rm(path, { force: true });
  await writeFile(path, text, { mode: 0o600, flag: 'wx' });
};

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Prepares every listed station for its tablet: creates the stations the centre does not know yet and makes each
 * a one-time enrolment code, written into the tablet's own config file (`<out>/<id>/station.json`), and onto the
 * sheets: `<out>/codes.html` (printable: each station's QR code and setup link, which a tablet scans or opens
 * instead of typing anything) and `<out>/codes.csv` (the same, for a spreadsheet). A station that is already enrolled or revoked gets no new
 * code: re-running the list after fixing it is safe, and moving a station to a new tablet stays a deliberate
 * `enrol-code`. Each outcome is reported as it happens, and the sheet is written even when a later station fails,
 * so the codes already made are never lost. With `pins`, each station also gets its own technician PIN (the
 * hash in its file, the PIN on the sheet); without, each tablet's technician chooses one at first run.
 */
export const provisionStations = async (input: {
  storage: Storage;
  stations: readonly StationLine[];
  serverUrl: string;
  /** Where tablets open the kiosk (the setup links' address); default: the centre, which serves it. */
  kioskUrl?: string;
  outDir: string;
  hours: number;
  now: Date;
  pins?: boolean;
  onOutcome?: (outcome: ProvisionOutcome) => void;
}): Promise<ProvisionOutcome[]> => {
  const { storage, stations, outDir, now, onOutcome = () => undefined } = input;
  const serverUrl = serverUrlSchema.parse(input.serverUrl);
  const expiresAt = new Date(now.getTime() + input.hours * 3_600_000);
  // The files hold codes that enrol a station: readable by whoever runs this, nobody else (POSIX modes; on
  // Windows the folder's own permissions apply).
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const outcomes: ProvisionOutcome[] = [];
  const report = (outcome: ProvisionOutcome) => {
    outcomes.push(outcome);
    onOutcome(outcome);
  };
  try {
    for (const s of stations) {
      const existing = await storage.getStation(s.id);
      if (existing?.revokedAt || existing?.enrolled) {
        report({ id: s.id, name: s.name, outcome: 'skipped', reason: existing.revokedAt ? 'revoked' : 'enrolled' });
        continue;
      }
      if (!existing) await storage.createStation({ id: s.id, name: s.name, now });
      const code = newEnrolmentCode();
      await storage.createEnrolmentCode({ stationId: s.id, codeHash: enrolmentCodeHash(code), expiresAt, now });
      const technician = input.pins ? await newTechnicianPin() : null;
      const config: StationFile = { stationId: s.id, stationName: s.name, serverUrl, enrolmentCode: code, locale: s.locale, ...(technician ? { technician: { pinHash: technician.pinHash } } : {}) };
      const dir = join(outDir, s.id);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, 'station.json');
      await writeSecret(file, `${JSON.stringify(config, null, 2)}\n`);
      const link = setupLinkFor(input.kioskUrl ?? serverUrl, { serverUrl, stationId: s.id, stationName: s.name, enrolmentCode: code, locale: s.locale });
      report({ id: s.id, name: s.name, outcome: 'code', created: !existing, code, pin: technician?.pin ?? null, expiresAt, file, link });
    }
  } finally {
    const coded = outcomes.flatMap((o) => (o.outcome === 'code' ? [o] : []));
    const rows = coded.map((o) => [o.id, o.name, o.code, o.expiresAt.toISOString(), o.link, ...(input.pins ? [o.pin ?? ''] : [])].map(csvCell).join(','));
    const header = `station id,name,enrolment code,valid until,setup link${input.pins ? ',technician PIN' : ''}`;
    await writeSecret(join(outDir, 'codes.csv'), `${[header, ...rows].join('\n')}\n`);
    await writeSecret(join(outDir, 'codes.html'), provisionSheetHtml({ stations: coded, serverUrl, generatedAt: now }));
  }
  return outcomes;
};
