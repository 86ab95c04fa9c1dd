import type { FastifyPluginAsync } from 'fastify';
import { communityScope, DISTRICT_SCOPE } from '../../../protocol/centre.ts';
import { newId } from '../../../protocol/ids.ts';
import type { StaffRole, StaffRoleKind } from '../../../protocol/console/session.ts';
import { badRequest, ConsoleError, forbidden, notFound } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import { type ConsoleDeps, consoleRoute } from '../route.ts';
import type { ConsoleScope } from '../scope.ts';

const rank: Record<StaffRoleKind, number> = { 'district-admin': 3, 'subdistrict-staff': 2, 'community-staff': 1, 'unit-lead': 0 };

/** Whether the role holds inside the caller's scope. */
const roleInScope = (scope: ConsoleScope, role: StaffRole): boolean => {
  if (scope.district) return true;
  if (role.kind === 'district-admin') return false;
  if (role.kind === 'subdistrict-staff') return scope.subdistrictIds.has(role.subdistrictId);
  return scope.communityIds.has(role.communityId);
};

/** Staff manage accounts below their own role, inside their scope; the district admin manages every account. */
const mayManage = (scope: ConsoleScope, role: StaffRole): boolean => roleInScope(scope, role) && (scope.district || rank[role.kind] < rank[scope.kind]);

/**
 * Staff accounts. Listing shows the accounts whose role holds in the caller's scope; creating, changing and
 * resetting a password need an account below the caller's role (404 for one outside the scope, 403 for one at or
 * above it). Nobody disables or re-roles themselves (the console would lock its own admin out).
 */
export const staffPlugin: FastifyPluginAsync<ConsoleDeps> = async (app, deps) => {
  const { storage } = deps;

  const checkUnit = async (role: StaffRole) => {
    if (role.kind !== 'unit-lead') return;
    const units = await storage.listCentreItems({ collection: 'units', scopes: [DISTRICT_SCOPE, communityScope(role.communityId)] });
    if (!units.some((unit) => unit.id === role.unitId)) throw badRequest(`no partner unit ${role.unitId} is published for community ${role.communityId}`, 'role.unitId');
  };

  consoleRoute(app, deps, 'listStaff', async ({ query, scope }) => {
    const mine = await scope();
    const staff = (await storage.listStaff()).filter(
      (s) =>
        roleInScope(mine, s.role) &&
        (query.includeDisabled === 'true' || !s.disabled) &&
        (query.communityId === undefined || ('communityId' in s.role && s.role.communityId === query.communityId)),
    );
    return { staff };
  });

  consoleRoute(app, deps, 'createStaff', async ({ body, scope, audit }) => {
    const mine = await scope();
    if (!roleInScope(mine, body.role)) throw notFound('such community or subdistrict');
    if (!mayManage(mine, body.role)) throw forbidden('accounts are made only below your own role');
    await checkUnit(body.role);
    const staff = await storage.createStaff({ id: newId(), login: body.login, name: body.name, role: body.role, passwordHash: await hashPassword(body.password, deps.policy.passwordCost) }, audit);
    return { staff };
  });

  const manageable = async (staffId: string, mine: ConsoleScope) => {
    const target = await storage.getStaff(staffId);
    if (!target || !roleInScope(mine, target.role)) throw notFound('such staff account');
    if (!mayManage(mine, target.role)) throw forbidden('only accounts below your own role');
    return target;
  };

  consoleRoute(app, deps, 'updateStaff', async ({ params, body, scope, session, audit }) => {
    const mine = await scope();
    if (params.staffId === session.staff.id && (body.disabled !== undefined || body.role !== undefined)) throw forbidden('nobody disables or re-roles their own account');
    await manageable(params.staffId, mine);
    if (body.role) {
      if (!roleInScope(mine, body.role)) throw notFound('such community or subdistrict');
      if (!mayManage(mine, body.role)) throw forbidden('accounts get roles only below your own');
      await checkUnit(body.role);
    }
    const staff = await storage.updateStaff(params.staffId, body, audit);
    if (!staff) throw notFound('such staff account');
    return { staff };
  });

  consoleRoute(app, deps, 'resetStaffPassword', async ({ params, body, scope, session, audit }) => {
    if (params.staffId === session.staff.id) throw forbidden('change your own password with your current one');
    await manageable(params.staffId, await scope());
    const result = await storage.setStaffPassword({ staffId: params.staffId, passwordHash: await hashPassword(body.password, deps.policy.passwordCost), keepSession: null, action: 'staff.reset-password' }, audit);
    if (!result) throw new ConsoleError(404, 'not-found', 'no such staff account');
    return result;
  });
};
