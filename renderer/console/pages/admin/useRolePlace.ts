import type { StaffRole } from '@protocol/console/session.ts';
import { useLocalized } from '@shared/i18n/setup.ts';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../app/directory.ts';
import { useOrganisation } from '../../app/organisation.tsx';

/** Where a role holds, in words, and the places a role can be given at (subdistricts, communities, units). */
export const useRolePlace = (directory: Directory) => {
  const { t } = useTranslation('admin');
  const localized = useLocalized();
  const { organisation, communityName } = useOrganisation();
  const subdistrictName = (id: string) => {
    const subdistrict = organisation.subdistricts.find((candidate) => candidate.id === id);
    return subdistrict ? localized(subdistrict.name) : id;
  };
  return {
    subdistricts: organisation.subdistricts,
    communities: organisation.communities,
    unitsOf: (communityId: string) => directory.units.filter((item) => item.scope === `community:${communityId}`).map((item) => item.value),
    describe: (role: StaffRole): string => {
      switch (role.kind) {
        case 'district-admin':
          return t('staff.wholeDistrict');
        case 'subdistrict-staff':
          return subdistrictName(role.subdistrictId);
        case 'community-staff':
          return communityName(role.communityId);
        case 'unit-lead':
          return `${communityName(role.communityId)} · ${directory.unitName(role.unitId)}`;
      }
    },
  };
};
export type RolePlace = ReturnType<typeof useRolePlace>;
