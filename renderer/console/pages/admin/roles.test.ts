import { describe, expect, it } from 'vitest';
import { assignableRoles, roleAt } from './roles.ts';

describe('roles staff may give', () => {
  it('only below their own', () => {
    expect(assignableRoles({ kind: 'district-admin' })).toHaveLength(4);
    expect(assignableRoles({ kind: 'subdistrict-staff', subdistrictId: 'heping' })).toEqual(['community-staff', 'unit-lead']);
    expect(assignableRoles({ kind: 'community-staff', communityId: 'xfl' })).toEqual(['unit-lead']);
    expect(assignableRoles({ kind: 'unit-lead', communityId: 'xfl', unitId: 'water-co' })).toEqual([]);
  });

  it('needs the place each role holds at', () => {
    const place = { subdistrictId: 'heping', communityId: 'xfl', unitId: '' };
    expect(roleAt('community-staff', place)).toEqual({ kind: 'community-staff', communityId: 'xfl' });
    expect(roleAt('unit-lead', place)).toBeNull();
    expect(roleAt('unit-lead', { ...place, unitId: 'water-co' })).toEqual({ kind: 'unit-lead', communityId: 'xfl', unitId: 'water-co' });
    expect(roleAt('subdistrict-staff', { ...place, subdistrictId: '' })).toBeNull();
  });
});
