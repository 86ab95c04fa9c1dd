import type { FastifyPluginAsync } from 'fastify';
import type { Member } from '../../../protocol/catalogue.ts';
import { type CentreCollection, centreIdOf, centreValueSchemas, communityScope, DISTRICT_SCOPE, type MemberCredentials } from '../../../protocol/centre.ts';
import { type PublishableCollection, type PublishedItem, publishScopes, scopeLevel } from '../../../protocol/console/publish.ts';
import { parsePinHash } from '../../../protocol/pin-hash.ts';
import type { CentreChange, CentreItemRow } from '../../storage/console/types.ts';
import type { Storage } from '../../storage/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import { canPublishIn, clashScopesOf, type ConsoleScope, visibleScopes } from '../scope.ts';

/** The scopes a station reads, as the pull does: the district's, its community's, its own. */
export const readerScopes = (scope: ConsoleScope, stationId: string): string[] => {
  const communityId = scope.stations.find((s) => s.id === stationId)?.communityId ?? null;
  return communityId === null ? [DISTRICT_SCOPE, stationId] : [DISTRICT_SCOPE, communityScope(communityId), stationId];
};

/** Stored items that fail their collection's schema (a hand-edited catalogue) are left out of the console. */
export const validItems = (items: readonly CentreItemRow[]): PublishedItem[] =>
  items.filter((item) => centreValueSchemas[item.collection].safeParse(item.value).success) as unknown as PublishedItem[];

/** The members published in these scopes, by id. */
export const membersIn = async (storage: Storage, scopes: string[]): Promise<Map<string, Member>> =>
  new Map((await storage.listCentreItems({ collection: 'members', scopes })).map((item) => [item.id, item.value as Member] as const));

/** Credentials keep only whether a PIN or QR code is set in the audit log, never a hash a PIN could be guessed from. */
export const redactCredentials = (collection: CentreCollection, value: unknown): unknown => {
  if (collection !== 'member-credentials' || value === null || value === undefined) return value;
  const credentials = value as MemberCredentials;
  return { memberId: credentials.memberId, hasPin: credentials.pinHash !== null, hasQr: credentials.qrHash !== null };
};

/** Why a unit lead may not touch this item, or null when they may (their unit's members and those members' shifts). */
const unitLeadRefusal = async (storage: Storage, mine: ConsoleScope, collection: string, scope: string, value: unknown): Promise<string | null> => {
  const unit = mine.unit;
  if (!unit) return null;
  const community = communityScope(unit.communityId);
  if (collection === 'members') return scope === community && (value as Member).unitId === unit.unitId ? null : 'a unit lead publishes only members of their own unit';
  if (collection === 'shifts') {
    const members = await membersIn(storage, [DISTRICT_SCOPE, community]);
    const member = members.get((value as { memberId: string }).memberId);
    return member?.unitId === unit.unitId ? null : "a unit lead publishes only their unit's members' shifts";
  }
  return 'a unit lead publishes members and shifts of their unit only';
};

/** A unit lead sees their own unit's members and their shifts; everyone else sees every item in scope. */
const visibleToUnitLead = (mine: ConsoleScope, item: CentreItemRow, unitMembers: ReadonlySet<string>): boolean => {
  if (!mine.unit) return true;
  if (item.collection === 'members') return (item.value as Member).unitId === mine.unit.unitId;
  if (item.collection === 'shifts') return unitMembers.has((item.value as { memberId: string }).memberId);
  if (item.collection === 'member-credentials') return unitMembers.has(item.id);
  return true;
};

const unitMemberIds = async (storage: Storage, mine: ConsoleScope): Promise<Set<string>> => {
  if (!mine.unit) return new Set();
  const members = await membersIn(storage, [DISTRICT_SCOPE, communityScope(mine.unit.communityId)]);
  return new Set([...members.values()].filter((m) => m.unitId === mine.unit!.unitId).map((m) => m.id));
};

/** What a value must agree with beyond its schema: the settings' station, a service's stations, a shift's member, a member's unit. */
const checkValue = async (storage: Storage, mine: ConsoleScope, collection: PublishableCollection, scope: string, value: unknown) => {
  if (collection === 'settings' && (value as { stationId: string }).stationId !== scope) throw badRequest('station settings are published in their own station scope', 'value.stationId');
  if (collection === 'services') {
    const offered = (value as { stationIds?: string[] }).stationIds ?? [];
    const level = scopeLevel(scope);
    const allowed =
      level === 'station' ? new Set([scope]) : level === 'community' ? new Set(mine.stations.filter((s) => communityScope(s.communityId ?? '') === scope).map((s) => s.id)) : new Set(mine.stations.map((s) => s.id));
    const stray = offered.find((id) => !allowed.has(id));
    if (stray !== undefined) throw badRequest(`station ${stray} is not in ${scope}`, 'value.stationIds');
  }
  if (collection === 'shifts') {
    const members = await membersIn(storage, readerScopes(mine, scope));
    if (!members.has((value as { memberId: string }).memberId)) throw badRequest('the shift names a member the station does not have', 'value.memberId');
  }
  if (collection === 'members') {
    const units = await storage.listCentreItems({ collection: 'units', scopes: scopeLevel(scope) === 'district' ? [DISTRICT_SCOPE] : [DISTRICT_SCOPE, scope] });
    if (!units.some((u) => u.id === (value as Member).unitId)) throw badRequest('the member names a partner unit that is not published', 'value.unitId');
  }
};

/** The publish scope must exist in the caller's scope: 404 when it does not, 403 for the district's (read-only for staff). */
const checkScope = (mine: ConsoleScope, collection: PublishableCollection, scope: string) => {
  if (!publishScopes[collection].includes(scopeLevel(scope))) throw badRequest(`${collection} are not published in a ${scopeLevel(scope)} scope`, 'scope');
  if (canPublishIn(mine, scope)) return;
  if (scope === DISTRICT_SCOPE) throw forbidden("the district's scope is the district admin's");
  throw notFound(`scope ${scope}`);
};

/**
 * Publishing one item at a time (PUT /publish, POST /publish/withdraw), the lists behind the console's publish
 * pages, and members' kiosk credentials. Each change is versioned (409 conflict on a stale expectedVersion),
 * checked against the scopes one station reads (an id live in another of them: 409), and audited.
 */
export const publishPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  consoleRoute(app, deps, 'listPublished', async ({ query, scope }) => {
    const mine = await scope();
    if (query.scope !== undefined && query.scope !== DISTRICT_SCOPE && !canPublishIn(mine, query.scope)) throw notFound(`scope ${query.scope}`);
    const items = await storage.listCentreItems({ collection: query.collection, scopes: query.scope !== undefined ? [query.scope] : visibleScopes(mine) });
    const unitMembers = await unitMemberIds(storage, mine);
    return { items: validItems(items.filter((item) => visibleToUnitLead(mine, item, unitMembers))) };
  });

  consoleRoute(app, deps, 'putPublished', async ({ body, scope, audit }) => {
    const mine = await scope();
    checkScope(mine, body.collection, body.scope);
    const refusal = await unitLeadRefusal(storage, mine, body.collection, body.scope, body.value);
    if (refusal) throw forbidden(refusal);
    await checkValue(storage, mine, body.collection, body.scope, body.value);
    const id = centreIdOf(body.collection, body.value as never);
    const result = await storage.changeCentreItems(
      {
        scope: body.scope,
        changes: [{ collection: body.collection, id, value: body.value, expectedVersion: body.expectedVersion }],
        clashScopes: clashScopesOf(mine, body.scope),
        action: 'publish.put',
        targetId: `${body.collection}/${body.scope}/${id}`,
      },
      audit,
    );
    if (!result.ok) throw conflict(result.conflict);
    return { item: validItems([result.items[0]!])[0]! };
  });

  consoleRoute(app, deps, 'withdrawPublished', async ({ body, scope, audit }) => {
    const mine = await scope();
    checkScope(mine, body.collection, body.scope);
    const current = (await storage.listCentreItems({ collection: body.collection, scopes: [body.scope] })).find((item) => item.id === body.id);
    if (!current) throw notFound(`${body.collection}/${body.id}`);
    const refusal = await unitLeadRefusal(storage, mine, body.collection, body.scope, current.value);
    if (refusal) throw forbidden(refusal);
    const changes: CentreChange[] = [{ collection: body.collection, id: body.id, value: null, expectedVersion: body.expectedVersion }];
    // A member withdrawn can no longer sign in at any kiosk.
    if (body.collection === 'members') changes.push({ collection: 'member-credentials', id: body.id, value: null });
    const result = await storage.changeCentreItems(
      { scope: body.scope, changes, clashScopes: clashScopesOf(mine, body.scope), action: 'publish.withdraw', targetId: `${body.collection}/${body.scope}/${body.id}`, redact: redactCredentials },
      audit,
    );
    if (!result.ok) throw conflict(result.conflict);
    return { ok: true as const };
  });

  consoleRoute(app, deps, 'memberCredentials', async ({ query, scope }) => {
    const mine = await scope();
    if (query.scope !== undefined && query.scope !== DISTRICT_SCOPE && !canPublishIn(mine, query.scope)) throw notFound(`scope ${query.scope}`);
    const items = await storage.listCentreItems({ collection: 'member-credentials', scopes: query.scope !== undefined ? [query.scope] : visibleScopes(mine) });
    const unitMembers = await unitMemberIds(storage, mine);
    return {
      credentials: items
        .filter((item) => visibleToUnitLead(mine, item, unitMembers))
        .map((item) => {
          const value = item.value as MemberCredentials;
          return { memberId: item.id, scope: item.scope, hasPin: value.pinHash !== null, hasQr: value.qrHash !== null, updatedAt: value.updatedAt };
        }),
    };
  });

  consoleRoute(app, deps, 'setMemberCredentials', async ({ body, scope, audit }) => {
    const mine = await scope();
    checkScope(mine, 'members', body.scope);
    const member = (await storage.listCentreItems({ collection: 'members', scopes: [body.scope] })).find((item) => item.id === body.memberId);
    if (!member) throw notFound(`member ${body.memberId}`);
    const refusal = await unitLeadRefusal(storage, mine, 'members', body.scope, member.value);
    if (refusal) throw forbidden(refusal);
    if (body.pinHash && !parsePinHash(body.pinHash)) throw badRequest('the PIN hash is too weak or malformed', 'pinHash');
    const current = (await storage.listCentreItems({ collection: 'member-credentials', scopes: [body.scope] })).find((item) => item.id === body.memberId);
    const before = current?.value as MemberCredentials | undefined;
    const value: MemberCredentials = {
      memberId: body.memberId,
      pinHash: body.pinHash !== undefined ? body.pinHash : (before?.pinHash ?? null),
      qrHash: body.qrHash !== undefined ? body.qrHash : (before?.qrHash ?? null),
      updatedAt: audit.now.toISOString(),
    };
    const action = body.pinHash !== undefined ? (body.pinHash === null ? 'member.withdraw-pin' : 'member.set-pin') : body.qrHash === null ? 'member.withdraw-qr' : 'member.issue-qr';
    const result = await storage.changeCentreItems(
      {
        scope: body.scope,
        changes: [{ collection: 'member-credentials', id: body.memberId, value, expectedVersion: current?.version ?? null }],
        clashScopes: clashScopesOf(mine, body.scope),
        action,
        targetId: `member-credentials/${body.scope}/${body.memberId}`,
        redact: redactCredentials,
      },
      audit,
    );
    if (!result.ok) throw conflict(result.conflict);
    return { credentials: { memberId: body.memberId, scope: body.scope, hasPin: value.pinHash !== null, hasQr: value.qrHash !== null, updatedAt: value.updatedAt } };
  });
};
