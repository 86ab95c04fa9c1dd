import { communityScope, DISTRICT_SCOPE } from '../../protocol/centre.ts';
import type { Community, ConsoleStation } from '../../protocol/console/organisation.ts';
import type { Staff, StaffRoleKind, StaffScope } from '../../protocol/console/session.ts';
import type { Storage } from '../storage/types.ts';

/**
 * Where in the organisation tree a staff member may act, resolved from their role against the tree as it is now
 * (a station moved to another community moves out of its old staff's scope at once).
 */
export interface ConsoleScope {
  staff: Staff;
  kind: StaffRoleKind;
  /** The district admin: every subdistrict, community and station, now and later. */
  district: boolean;
  subdistrictIds: ReadonlySet<string>;
  communityIds: ReadonlySet<string>;
  stationIds: ReadonlySet<string>;
  /** A unit lead's unit and its community. */
  unit: { communityId: string; unitId: string } | null;
  communities: readonly Community[];
  stations: readonly ConsoleStation[];
}

export const resolveScope = async (storage: Storage, staff: Staff): Promise<ConsoleScope> => {
  const [communities, stations] = await Promise.all([storage.listCommunities(), storage.listConsoleStations()]);
  const role = staff.role;
  const communityIds = new Set(
    role.kind === 'district-admin'
      ? communities.map((c) => c.id)
      : role.kind === 'subdistrict-staff'
        ? communities.filter((c) => c.subdistrictId === role.subdistrictId).map((c) => c.id)
        : communities.filter((c) => c.id === role.communityId).map((c) => c.id),
  );
  const subdistrictIds = new Set(
    role.kind === 'district-admin' ? communities.map((c) => c.subdistrictId) : role.kind === 'subdistrict-staff' ? [role.subdistrictId] : [],
  );
  const stationIds = new Set(stations.filter((s) => role.kind === 'district-admin' || (s.communityId !== null && communityIds.has(s.communityId))).map((s) => s.id));
  return {
    staff,
    kind: role.kind,
    district: role.kind === 'district-admin',
    subdistrictIds,
    communityIds,
    stationIds,
    unit: role.kind === 'unit-lead' ? { communityId: role.communityId, unitId: role.unitId } : null,
    communities,
    stations,
  };
};

export const publicScope = (scope: ConsoleScope): StaffScope => ({
  district: scope.district,
  subdistrictIds: [...scope.subdistrictIds].sort(),
  communityIds: [...scope.communityIds].sort(),
  stationIds: [...scope.stationIds].sort(),
  unitId: scope.unit?.unitId ?? null,
});

/** The station filter of a query: null (no filter) for the district admin, else the stations in scope. */
export const stationFilter = (scope: ConsoleScope): string[] | null => (scope.district ? null : [...scope.stationIds]);

export const communityOf = (scope: ConsoleScope, stationId: string): string | null => scope.stations.find((s) => s.id === stationId)?.communityId ?? null;

/** The scope a published item lives in: district, community or station. */
export const canPublishIn = (scope: ConsoleScope, publishScope: string): boolean => {
  if (publishScope === DISTRICT_SCOPE) return scope.district;
  if (publishScope.startsWith('community:')) return scope.communityIds.has(publishScope.slice('community:'.length));
  return scope.stationIds.has(publishScope);
};

/** Every publish scope the staff member can see (null: all): the district's, their communities', their stations'. */
export const visibleScopes = (scope: ConsoleScope): string[] | null =>
  scope.district ? null : [DISTRICT_SCOPE, ...[...scope.communityIds].map(communityScope), ...scope.stationIds];

/** The scopes that share a reader with `publishScope`: an id must not be live in any of them for the same collection. */
export const clashScopesOf = (scope: ConsoleScope, publishScope: string): string[] | 'others' => {
  if (publishScope === DISTRICT_SCOPE) return 'others';
  if (publishScope.startsWith('community:')) {
    const communityId = publishScope.slice('community:'.length);
    return [DISTRICT_SCOPE, ...scope.stations.filter((s) => s.communityId === communityId).map((s) => s.id)];
  }
  const communityId = communityOf(scope, publishScope);
  return communityId === null ? [DISTRICT_SCOPE] : [DISTRICT_SCOPE, communityScope(communityId)];
};
