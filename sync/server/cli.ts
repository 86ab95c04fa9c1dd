import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogueSchema } from '../protocol/catalogue.ts';
import { idSchema } from '../protocol/ids.ts';
import { setupLinkFor } from '../protocol/setup-link.ts';
import { actorSchema, requestEventTypeSchema, requestNumberSchema } from '../protocol/records.ts';
import { serverUrlSchema, stationIdSchema } from '../protocol/wire.ts';
import { catalogueTemplate, publishRefusal, type TemplateDetails, templateLeftovers } from './catalogue-template.ts';
import { APP_ROOT, describeDatabase, loadServerConfig } from './config-file.ts';
import { defaultConfig } from './config.ts';
import { createAdmin } from './console/create-admin.ts';
import { issueMemberQr, setMemberPin } from './members.ts';
import { runMaintenance } from './maintenance.ts';
import { appendRequestEvent, type CatalogueScope, parseCatalogue, publishCatalogue } from './publish.ts';
import { parseStationList, provisionStations } from './provision.ts';
import { rolloutBucket } from './releases/rollout.ts';
import { ReleaseError, ReleaseStore } from './releases/store.ts';
import { VERSION_PATTERN } from './releases/version.ts';
import { openStorage } from './storage/open.ts';
import { type FoundRequest, type RequestLookup, type Storage, StorageConflictError } from './storage/types.ts';
import { enrolmentCodeHash, newEnrolmentCode, newStationToken, tokenHash } from './tokens.ts';

/**
 * The technician's and the centre's tool until the staff console exists:
 *   npm run server:cli -- <command> …   (the database is the server's: yizhan.config.json and the environment, config-file.ts)
 */
export const usage = `usage: yizhan-server <command>
  create-station <id> [--name <name>]        a new station (id: lowercase letters, digits, dashes)
  enrol-code <station-id> [--hours <n>] [--server <url>]
                                             a one-time enrolment code for the station's tablet (default 72 h),
                                             and its setup link (the centre: --server, else the config's publicUrl)
  rotate-token <station-id>                  a new token for the station; every older one is refused at once
  revoke <station-id>                        refuse the station's tokens and unused codes (a new code re-enrols)
  stations                                   list stations with their last heartbeat
  catalogue-template <station-id> [--out <file>] [--community <name>] [--address <text>] [--phone <digits>]
                                             the station's own catalogue from the default one, to edit and publish
                                             (default file: <station-id>.catalogue.json)
  catalogue-template <community-id> [--out <dir>]
                                             the same for every station of the community (not revoked), its name
                                             written in: <dir>/<station-id>.catalogue.json each (default dir: .)
  publish-catalogue <file.json> [--scope station|district]
                                             validate and publish a catalogue (default: the file's station)
  find-request <number|request-id> [--station <id>]
                                             a request by the number its resident holds (unique within a
                                             station: --station narrows it) or by its id
  dispatch-request <number|request-id> [--station <id>] [--unit <id> | --member <id>] [--note <text>]
  update-request <number|request-id> <take|complete|cancel|reopen> [--station <id>] [--actor centre|member]
                 [--member <id>] [--unit <id>] [--note <text>]
  dead-letters <station-id>                  what the server kept aside from a station, with the reason; for a
                                             content conflict, the stored version beside the one set aside
  set-pin <member-id> [--pin <digits>]       a member's sign-in PIN (4–8 digits; piped to standard input without
                                             --pin); only its hash is kept and published to the member's stations
  member-qr <member-id> --out <file.svg>     a new QR code for the member to sign in with (the old one stops working)
  provision <stations.csv> --out <dir> [--server <url>] [--kiosk <url>] [--hours <n>] [--pins]
                                             many tablets at once: lines of id,name[,locale]; creates the
                                             stations, makes each a one-time code and writes its tablet's
                                             <dir>/<id>/station.json, and <dir>/codes.html (print it: each
                                             station's QR code and setup link) and <dir>/codes.csv (enrolled or
                                             revoked stations are skipped). --server: the centre as tablets reach
                                             it (default: the config's publicUrl); --kiosk: where they open the
                                             kiosk, if the centre does not serve it; --pins: each station its own
                                             technician PIN too (on the sheet), else each tablet sets one at
                                             first run
  purge [--retention-days <n>]               run retention (personal fields) and tombstone purges now
  release-publish <dir> [--rollout <percent>]
                                             publish a kiosk release from electron-builder's output folder
                                             (latest*.yml, the installers, their blockmaps) to enrolled
                                             stations; --rollout: the share that gets it (default 100)
  release-rollout <version> <percent>        widen or narrow a release's share of stations (0 holds it back)
  release-pull <version>                     pull a bad release back: no station is offered it any more
  releases [--station <id>]                  the releases, newest first; with a station: what it is offered
  create-admin <login> [--name <name>]       a district admin for the community console (/console): the
                                             password is the first line of stdin when piped, else one is
                                             made and printed once`;

export interface CliContext {
  storage: Storage;
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
  retentionDays: number;
  tombstoneDays: number;
  /** What was piped to stdin, or null when stdin is a terminal (nothing piped). */
  stdin?: () => Promise<string | null>;
  /** The centre's address as tablets reach it (config.publicUrl): the setup links' default. */
  publicUrl?: string | null;
  /** The default catalogue catalogue-template starts from. */
  defaultCatalogue?: string;
  /** The release channel's folder (config.releasesDir). */
  releasesDir?: string;
}

const DEFAULT_CATALOGUE = `${APP_ROOT}assets/demo/catalogue.json`;

/** Flags that stand alone; every other flag takes the next argument as its value. */
const SWITCHES = new Set(['pins']);

const parseArgs = (argv: readonly string[]) => {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && SWITCHES.has(arg.slice(2))) flags.set(arg.slice(2), 'yes');
    else if (arg.startsWith('--')) {
      flags.set(arg.slice(2), argv[i + 1] ?? '');
      i += 1;
    } else positional.push(arg);
  }
  return { positional, flags };
};

class UsageError extends Error {}
/** How long an enrolment code stays valid: 72 hours unless told, at most a year (a slow rollout). */
const codeHours = (flag: string | undefined): number => {
  const hours = Number(flag ?? 72);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 365) throw new UsageError('--hours must be between 0 and 8760');
  return hours;
};
const need = (value: string | undefined, what: string): string => {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
};
const stationArg = (value: string | undefined): string => {
  const id = need(value, 'station id');
  if (!stationIdSchema.safeParse(id).success) throw new UsageError(`bad station id ${JSON.stringify(id)}: lowercase letters, digits and dashes`);
  return id;
};
const rosterId = /^[a-z0-9][a-z0-9-]{0,63}$/;
const memberArg = (value: string | undefined): string => {
  const id = need(value, 'member id');
  if (!rosterId.test(id)) throw new UsageError(`bad member id ${JSON.stringify(id)}: lowercase letters, digits and dashes`);
  return id;
};
/** --member / --unit: on whose behalf the centre acts (or, with dispatch, to whom it sends the request). */
const onBehalfOf = (flags: ReadonlyMap<string, string>): { memberId?: string; unitId?: string } => {
  const memberId = flags.get('member');
  const unitId = flags.get('unit');
  if (memberId !== undefined && !rosterId.test(memberId)) throw new UsageError('--member is a member id');
  if (unitId !== undefined && !rosterId.test(unitId)) throw new UsageError('--unit is a unit id');
  return { ...(memberId ? { memberId } : {}), ...(unitId ? { unitId } : {}) };
};
/** A request as staff name it: the number its resident holds (with the station, when given) or its id. */
const requestArg = (value: string | undefined, station: string | undefined): RequestLookup => {
  const ref = need(value, 'request number or id');
  const stationId = station === undefined ? undefined : stationArg(station);
  if (idSchema.safeParse(ref).success) return { id: ref };
  if (requestNumberSchema.safeParse(ref).success) return stationId === undefined ? { number: ref } : { number: ref, stationId };
  throw new UsageError(`bad request ${JSON.stringify(ref)}: the resident's number (7 or 8 digits) or the request id (a UUIDv7)`);
};

const describeRequest = (r: FoundRequest): string =>
  `${r.number ?? '-'}\t${r.stationId}\t${r.id}\t${r.status ?? 'pending'}\t${r.requestKind}/${r.category}\tsubmitted ${r.at}`;

const describeLookup = (lookup: RequestLookup): string =>
  'id' in lookup ? `id ${lookup.id}` : `number ${lookup.number}${lookup.stationId ? ` at station ${lookup.stationId}` : ''}`;

/** The one request a lookup names, or why there is none to act on. */
const resolveRequest = async (storage: Storage, lookup: RequestLookup): Promise<FoundRequest | string> => {
  const found = await storage.findRequests(lookup);
  const what = describeLookup(lookup);
  if (found.length === 0) return `no request has ${what}`;
  if (found.length > 1) {
    return `${found.length} requests have ${what} (stations ${found.map((r) => r.stationId).join(', ')}): add --station <id>, or give the request id`;
  }
  return found[0]!;
};

const percentArg = (value: string | undefined, what: string): number => {
  const percent = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new UsageError(`${what} is a percentage from 0 to 100`);
  return percent;
};
const versionArg = (value: string | undefined): string => {
  const version = need(value, 'release version');
  if (!VERSION_PATTERN.test(version)) throw new UsageError(`bad version ${JSON.stringify(version)}: as package.json has it, such as 1.2.3`);
  return version;
};

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 usage). */
export const runCli = async (argv: readonly string[], ctx: CliContext): Promise<number> => {
  const { positional, flags } = parseArgs(argv);
  const [command, ...args] = positional;
  const { storage, out, now } = ctx;
  try {
    switch (command) {
      case 'create-station': {
        const id = stationArg(args[0]);
        const station = await storage.createStation({ id, name: flags.get('name') || id, now: now() });
        out(`created station ${station.id} (${station.name})`);
        return 0;
      }
      case 'enrol-code': {
        const id = stationArg(args[0]);
        const hours = codeHours(flags.get('hours'));
        const station = await storage.getStation(id);
        if (!station) return refuse(ctx, `no station ${id}`);
        const code = newEnrolmentCode();
        const expiresAt = new Date(now().getTime() + hours * 3_600_000);
        await storage.createEnrolmentCode({ stationId: id, codeHash: enrolmentCodeHash(code), expiresAt, now: now() });
        out(`enrolment code for ${id}: ${code}`);
        out(`valid once, until ${expiresAt.toISOString()}`);
        const server = centreUrl(flags.get('server'), ctx);
        if (server) out(`setup link (open it on the tablet, or show it as a QR code): ${setupLinkFor(server, { serverUrl: server, stationId: id, stationName: station.name, enrolmentCode: code, locale: 'zh-CN' })}`);
        return 0;
      }
      case 'rotate-token': {
        const id = stationArg(args[0]);
        const token = newStationToken();
        if (!(await storage.setToken({ stationId: id, tokenHash: tokenHash(token), previousHash: null, now: now() }))) {
          return refuse(ctx, `no active station ${id} (revoked stations re-enrol with a new code)`);
        }
        out(`new token for ${id} (shown once; every older token is refused from now on):`);
        out(token);
        return 0;
      }
      case 'revoke': {
        const id = stationArg(args[0]);
        if (!(await storage.revokeStation({ stationId: id, now: now() }))) return refuse(ctx, `no station ${id}`);
        out(`revoked ${id}: its tokens and unused enrolment codes are refused`);
        return 0;
      }
      case 'stations': {
        const beats = new Map((await storage.listHeartbeats()).map((h) => [h.stationId, h]));
        for (const s of await storage.listStations()) {
          const h = beats.get(s.id);
          const state = s.revokedAt ? 'revoked' : s.enrolled ? 'enrolled' : 'not enrolled';
          out(`${s.id}\t${state}\t${h ? `last seen ${h.receivedAt.toISOString()}, app ${h.appVersion}, waiting ${h.recordsWaiting}${h.lastError ? `, error: ${h.lastError}` : ''}` : 'never seen'}`);
        }
        return 0;
      }
      case 'publish-catalogue': {
        const file = need(args[0], 'catalogue file');
        const scope = (flags.get('scope') ?? 'station') as CatalogueScope;
        if (scope !== 'station' && scope !== 'district') throw new UsageError('--scope is station or district');
        let input: unknown;
        try {
          input = JSON.parse(await readFile(file, 'utf8')) as unknown;
        } catch (error) {
          return refuse(ctx, `cannot read ${file}: ${(error as Error).message}`);
        }
        const parsed = parseCatalogue(input);
        if (!parsed.success) {
          ctx.err(`${file} is not a valid catalogue:`);
          for (const issue of parsed.error.issues.slice(0, 20)) ctx.err(`  ${issue.path.join('.')}: ${issue.message}`);
          return 1;
        }
        const refusal = publishRefusal(parsed.data, file, (await storage.getStation(parsed.data.station.stationId)) !== null);
        if (refusal) {
          for (const line of refusal) ctx.err(line);
          return 1;
        }
        const result = await publishCatalogue(storage, parsed.data, scope, now());
        out(`published ${file} (${scope} scope): ${result.put} new or changed, ${result.deleted} withdrawn, ${result.unchanged} unchanged`);
        return 0;
      }
      case 'catalogue-template': {
        const id = need(args[0], 'station or community id');
        const phone = flags.get('phone');
        if (phone !== undefined && !/^\d{7,12}$/.test(phone)) throw new UsageError('--phone is 7 to 12 digits');
        const base = catalogueSchema.parse(JSON.parse(await readFile(ctx.defaultCatalogue ?? DEFAULT_CATALOGUE, 'utf8')));
        /** Writes one station's template, never over a file that exists (it may hold edits); false if it could not. */
        const write = async (file: string, details: TemplateDetails): Promise<boolean> => {
          const template = catalogueTemplate(base, details);
          try {
            await writeFile(file, `${JSON.stringify(template, null, 2)}\n`, { flag: 'wx' });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') ctx.err(`${file} exists: it may hold your edits. Publish it, or name another file with --out`);
            else ctx.err(`cannot write ${file}: ${(error as Error).message}`);
            return false;
          }
          const left = templateLeftovers(template);
          out(`wrote ${file}: the default service menu, bills and amenities for ${details.stationId} (${details.name}); no roster or notices yet`);
          out(left.length > 0 ? `write ${left.filter((path) => !path.endsWith('.en')).map((path) => path.replace(/\.zh-CN$/, '')).join(', ')} in it, then: publish-catalogue ${file}` : `publish it: publish-catalogue ${file}`);
          return true;
        };
        const station = await storage.getStation(id);
        if (station) {
          const details = { stationId: id, name: station.name, community: flags.get('community'), address: flags.get('address'), phone };
          return (await write(flags.get('out') || `${id}.catalogue.json`, details)) ? 0 : 1;
        }
        const community = (await storage.listCommunities()).find((c) => c.id === id);
        if (!community) {
          return refuse(ctx, `no station or community ${id}: create-station ${id} --name <name> (or provision) first; the template takes the station's name from the centre`);
        }
        // A community's stations share its name; the address and the phone are each station's own.
        if (flags.has('community') || flags.has('address') || phone !== undefined) {
          throw new UsageError(`${id} is a community: its name comes from the centre, and --address and --phone are each station's own (catalogue-template <station-id> …)`);
        }
        const stations = (await storage.listConsoleStations()).filter((s) => s.communityId === id && s.revokedAt === null);
        if (stations.length === 0) return refuse(ctx, `community ${id} has no stations yet: add them in the console (or create-station, then assign them there) first`);
        const folder = flags.get('out') || '.';
        await mkdir(folder, { recursive: true });
        let written = 0;
        for (const member of stations) {
          if (await write(join(folder, `${member.id}.catalogue.json`), { stationId: member.id, name: member.name, community: community.name })) written += 1;
        }
        return written === stations.length ? 0 : 1;
      }
      case 'find-request': {
        const lookup = requestArg(args[0], flags.get('station'));
        const found = await storage.findRequests(lookup);
        if (found.length === 0) return refuse(ctx, `no request has ${describeLookup(lookup)}`);
        for (const request of found) out(describeRequest(request));
        return 0;
      }
      case 'dispatch-request':
      case 'update-request': {
        const lookup = requestArg(args[0], flags.get('station'));
        const type = requestEventTypeSchema.safeParse(command === 'dispatch-request' ? 'dispatch' : args[1]);
        if (!type.success || type.data === 'submit' || type.data === 'rate') throw new UsageError('event is one of dispatch, take, complete, cancel, reopen');
        const actor = actorSchema.safeParse(flags.get('actor') ?? 'centre');
        if (!actor.success || (actor.data !== 'centre' && actor.data !== 'member')) throw new UsageError('--actor is centre or member');
        const note = flags.get('note');
        if (note !== undefined && note.length > 500) throw new UsageError('--note is at most 500 characters');
        const request = await resolveRequest(storage, lookup);
        if (typeof request === 'string') return refuse(ctx, request);
        const on = onBehalfOf(flags);
        const target = type.data === 'dispatch' ? (on.memberId ? { type: 'member' as const, memberId: on.memberId } : on.unitId ? { type: 'unit' as const, unitId: on.unitId } : undefined) : undefined;
        const result = await appendRequestEvent(storage, { requestId: request.id, type: type.data, actor: actor.data, ...(note ? { note } : {}), ...(target ? { target } : on), now: now() });
        if (!result.ok) return refuse(ctx, `refused: ${result.reason}`);
        out(`request ${request.number ?? '-'} (${request.id}) is now ${result.status} (station ${result.stationId} gets it on its next pull)`);
        return 0;
      }
      case 'dead-letters': {
        const id = stationArg(args[0]);
        for (const dead of await storage.listDeadLetters(id)) {
          out(`${dead.epoch}#${dead.seq}\t${dead.reason}${dead.detail ? ` (${dead.detail})` : ''}\t${dead.kind ?? '-'}\t${dead.id ?? '-'}\treceived ${dead.receivedAt.toISOString()}`);
          if (dead.reason === 'content-conflict' && dead.id) {
            const stored = await storage.getRecord(dead.id);
            out(`  stored:    ${JSON.stringify(stored?.payload ?? null)}`);
          }
          out(`  ${dead.reason === 'content-conflict' ? 'set aside' : 'as sent'}: ${JSON.stringify(dead.payload)}`);
        }
        return 0;
      }
      case 'set-pin': {
        const memberId = memberArg(args[0]);
        const pin = (flags.get('pin') ?? (await ctx.stdin?.())?.split('\n')[0] ?? '').trim();
        const result = await setMemberPin(storage, { memberId, pin, now: now() });
        if (!result.ok) return refuse(ctx, result.reason === 'bad-pin' ? 'a PIN is 4 to 8 digits' : `no member ${memberId} is published`);
        out(`PIN set for ${memberId}; its hash is published to ${result.scopes.join(', ')}`);
        return 0;
      }
      case 'member-qr': {
        const memberId = memberArg(args[0]);
        const file = need(flags.get('out'), '--out <file.svg>');
        const result = await issueMemberQr(storage, { memberId, now: now() });
        if (!result.ok) return refuse(ctx, `no member ${memberId} is published`);
        await writeFile(file, result.svg, { mode: 0o600 });
        out(`new QR code for ${memberId} written to ${file} (the old one no longer signs in)`);
        return 0;
      }
      case 'provision': {
        const file = need(args[0], 'station list (CSV)');
        const server = serverUrlSchema.safeParse(need(flags.get('server') ?? ctx.publicUrl ?? undefined, "--server <url> (or publicUrl in the server's config)"));
        if (!server.success) throw new UsageError(`--server: ${server.error.issues[0]?.message ?? 'not a server URL'}`);
        const kiosk = flags.has('kiosk') ? serverUrlSchema.safeParse(flags.get('kiosk')) : null;
        if (kiosk && !kiosk.success) throw new UsageError(`--kiosk: ${kiosk.error.issues[0]?.message ?? 'not a URL'}`);
        const outDir = need(flags.get('out'), '--out <dir>');
        const hours = codeHours(flags.get('hours'));
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch (error) {
          return refuse(ctx, `cannot read ${file}: ${(error as Error).message}`);
        }
        const { stations, problems } = parseStationList(bytes);
        if (problems.length > 0) {
          ctx.err(`${file}: nothing was created, because:`);
          for (const problem of problems) ctx.err(`  ${problem}`);
          return 1;
        }
        const outcomes = await provisionStations({
          storage,
          stations,
          serverUrl: server.data,
          ...(kiosk ? { kioskUrl: kiosk.data } : {}),
          outDir,
          hours,
          now: now(),
          pins: flags.has('pins'),
          onOutcome: (o) =>
            out(o.outcome === 'code' ? `${o.id}\t${o.created ? 'created, ' : ''}code until ${o.expiresAt.toISOString()}\t${o.file}` : `${o.id}\tskipped: ${o.reason === 'enrolled' ? 'already enrolled (enrol-code makes a code for a new tablet)' : 'revoked'}`),
        });
        const made = outcomes.filter((o) => o.outcome === 'code').length;
        out(`${made} of ${outcomes.length} stations have a code. Print ${join(outDir, 'codes.html')}: each station's QR code and setup link (also in codes.csv). Publish each station's catalogue before its tablet starts (catalogue-template <station-id>).`);
        return 0;
      }
      case 'purge': {
        const retentionDays = Number(flags.get('retention-days') ?? ctx.retentionDays);
        if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new UsageError('--retention-days must be a whole number ≥ 1');
        const result = await runMaintenance(storage, { retentionDays, tombstoneDays: ctx.tombstoneDays, now: now() });
        out(`purged personal fields of ${result.personal.records} records and ${result.personal.deadLetters} dead letters; ${result.tombstones.purged} tombstones (horizon ${result.tombstones.horizon})`);
        return 0;
      }
      case 'create-admin': {
        const login = need(args[0], 'login name');
        const piped = (await ctx.stdin?.()) ?? null;
        // Nothing piped (or an empty line, as from </dev/null): make one.
        const password = piped?.split(/\r?\n/)[0] || null;
        const result = await createAdmin(storage, { login, name: flags.get('name'), password, now: now() });
        if (!result.ok) return refuse(ctx, result.reason);
        out(`created district admin ${result.staff.login} (${result.staff.name}): log in at /console/`);
        if (result.generatedPassword) {
          out('password (shown once; change it in the console after the first login):');
          out(result.generatedPassword);
        }
        return 0;
      }
      case 'release-publish': {
        const source = need(args[0], "electron-builder's output folder");
        const rollout = flags.has('rollout') ? percentArg(flags.get('rollout'), '--rollout') : 100;
        const release = await releases(ctx).publish(source, { rollout, now: now() });
        out(`published ${release.version} to ${rollout} % of stations: ${release.channelFiles.join(', ')}; ${release.files.length} files`);
        out('kiosks take it at their next check (every few hours, and at start), and install it when nobody is using them');
        return 0;
      }
      case 'release-rollout': {
        const version = versionArg(args[0]);
        const rollout = percentArg(args[1], 'the share of stations');
        await releases(ctx).setRollout(version, rollout);
        out(`${version} now goes to ${rollout} % of stations`);
        return 0;
      }
      case 'release-pull': {
        const version = versionArg(args[0]);
        await releases(ctx).pull(version, now());
        const fallback = (await releases(ctx).releases()).find((r) => r.pulledAt === null);
        out(`${version} pulled back: no station is offered it; ${fallback ? `stations are offered ${fallback.version} again` : 'no release is offered now'}`);
        out('stations that installed it stay on it (a kiosk never goes back): publish a newer release with the fix');
        return 0;
      }
      case 'releases': {
        const stationId = flags.has('station') ? stationArg(flags.get('station')) : null;
        const all = await releases(ctx).releases();
        if (all.length === 0) out('no release published yet');
        for (const r of all) {
          out(`${r.version}\t${r.pulledAt ? `pulled ${r.pulledAt}` : `${r.rollout} %`}\tpublished ${r.publishedAt}\t${r.channelFiles.join(' ')}`);
        }
        if (stationId) {
          const bucket = rolloutBucket(stationId);
          out(`station ${stationId} is at ${bucket.toFixed(2)} % of every rollout (it gets a release once the rollout is above that)`);
          for (const channel of [...new Set(all.flatMap((r) => r.channelFiles))].sort()) {
            const offered = await releases(ctx).channelFileFor(channel, stationId);
            out(`  ${channel}: ${offered ? offered.release.version : 'nothing'}`);
          }
        }
        return 0;
      }
      case undefined:
      case 'help':
        out(usage);
        return command ? 0 : 2;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.err(error.message);
      ctx.err(usage);
      return 2;
    }
    if (error instanceof StorageConflictError || error instanceof ReleaseError) return refuse(ctx, error.message);
    throw error;
  }
};

/** The centre's address for a setup link: --server, else the configured publicUrl; null when neither says. */
const centreUrl = (flag: string | undefined, ctx: CliContext): string | null => {
  if (flag === undefined) return ctx.publicUrl ?? null;
  const parsed = serverUrlSchema.safeParse(flag);
  if (!parsed.success) throw new UsageError(`--server: ${parsed.error.issues[0]?.message ?? 'not a server URL'}`);
  return parsed.data;
};

const readAll = async (stream: NodeJS.ReadableStream): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
};

const releases = (ctx: CliContext) => new ReleaseStore(ctx.releasesDir ?? defaultConfig.releasesDir);

const refuse = (ctx: CliContext, message: string): number => {
  ctx.err(message);
  return 1;
};

/**
 * The database the CLI would open, or why it must not: a SQLite file that does not exist is not the server's (the
 * server creates and migrates it on its first start), and creating an empty one would hide the mistake.
 */
export const cliDatabaseProblem = (config: { databaseUrl: string | null; sqlitePath: string }, configFile: string | null, exists: (path: string) => boolean): string | null => {
  if (config.databaseUrl || exists(config.sqlitePath)) return null;
  return [
    `no database at ${config.sqlitePath}: the server has not run with this configuration (${configFile ? `from ${configFile}` : 'no yizhan.config.json: the defaults'}).`,
    'Start the server once (it creates the database), or point the CLI at the server\'s configuration: YIZHAN_CONFIG=/path/to/yizhan.config.json.',
  ].join('\n');
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { config, file } = loadServerConfig({ env: process.env });
  const problem = cliDatabaseProblem(config, file, existsSync);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  process.stderr.write(`database: ${describeDatabase(config)}${file ? ` (${file})` : ''}\n`);
  const storage = openStorage(config);
  try {
    await storage.migrate();
    process.exitCode = await runCli(process.argv.slice(2), {
      storage,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      now: () => new Date(),
      retentionDays: config.retentionDays,
      tombstoneDays: config.tombstoneDays,
      stdin: () => (process.stdin.isTTY ? Promise.resolve(null) : readAll(process.stdin)),
      publicUrl: config.publicUrl,
      releasesDir: config.releasesDir,
    });
  } finally {
    await storage.close();
  }
}
