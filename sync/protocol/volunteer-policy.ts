import type { VolunteerPolicy } from './catalogue.ts';

/** The policy of a station whose catalogue predates volunteers signing in at the kiosk (catalogue.ts). */
export const defaultVolunteerPolicy: VolunteerPolicy = {
  lateAfterMinutes: 15,
  autoSignOutAfterMinutes: 60,
  unscheduledMaxHours: 8,
  autoCredit: 'scheduled-end',
  signature: false,
  workspaceLockSeconds: 120,
};
