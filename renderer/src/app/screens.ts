import type { ComponentType } from 'react';
import { HomeScreen } from '../screens/home/HomeScreen.tsx';
import { lazyScreen } from './retrying-lazy.tsx';
import type { ScreenName } from './routes.ts';

/**
 * Home ships in the first chunk for a fast cold start; every other screen loads on first use, and a load that
 * failed is tried again the next time its screen opens.
 */
export const screens: Record<ScreenName, ComponentType> = {
  home: HomeScreen,
  checkin: lazyScreen(() => import('../screens/checkin/CheckinScreen.tsx')),
  services: lazyScreen(() => import('../screens/services/ServicesScreen.tsx')),
  service: lazyScreen(() => import('../screens/services/ServiceScreen.tsx')),
  bills: lazyScreen(() => import('../screens/bills/BillsScreen.tsx')),
  bill: lazyScreen(() => import('../screens/bills/BillScreen.tsx')),
  requests: lazyScreen(() => import('../screens/requests/RequestsScreen.tsx')),
  requestStatus: lazyScreen(() => import('../screens/requests/RequestStatusScreen.tsx')),
  duty: lazyScreen(() => import('../screens/duty/DutyScreen.tsx')),
  notices: lazyScreen(() => import('../screens/notices/NoticesScreen.tsx')),
  notice: lazyScreen(() => import('../screens/notices/NoticeScreen.tsx')),
  feedback: lazyScreen(() => import('../screens/feedback/FeedbackScreen.tsx')),
  amenities: lazyScreen(() => import('../screens/amenities/AmenitiesScreen.tsx')),
  volunteer: lazyScreen(() => import('../screens/volunteer/VolunteerScreen.tsx')),
  technician: lazyScreen(() => import('../screens/technician/TechnicianScreen.tsx')),
};
