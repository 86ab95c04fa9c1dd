import type { StaffRole, StaffRoleKind } from '@protocol/console/session.ts';

/**
 * Which roles a staff member may give an account they create or change: only below their own, and within their
 * scope (the server holds the same rule and refuses anything else).
 */
export const assignableRoles = (mine: StaffRole): StaffRoleKind[] => {
  switch (mine.kind) {
    case 'district-admin':
      return ['district-admin', 'subdistrict-staff', 'community-staff', 'unit-lead'];
    case 'subdistrict-staff':
      return ['community-staff', 'unit-lead'];
    case 'community-staff':
      return ['unit-lead'];
    case 'unit-lead':
      return [];
  }
};

/** A role of the given kind at the chosen place, or null when a place it needs is not chosen. */
export const roleAt = (kind: StaffRoleKind, place: { subdistrictId: string; communityId: string; unitId: string }): StaffRole | null => {
  switch (kind) {
    case 'district-admin':
      return { kind };
    case 'subdistrict-staff':
      return place.subdistrictId ? { kind, subdistrictId: place.subdistrictId } : null;
    case 'community-staff':
      return place.communityId ? { kind, communityId: place.communityId } : null;
    case 'unit-lead':
      return place.communityId && place.unitId ? { kind, communityId: place.communityId, unitId: place.unitId } : null;
  }
};
