import { type ComponentType, lazy } from 'react';
import { HomeScreen } from '../screens/home/HomeScreen.tsx';
import type { ScreenName } from './routes.ts';

/** Home ships in the first chunk for a fast cold start; every other screen loads on first use. */
export const screens: Record<ScreenName, ComponentType> = {
  home: HomeScreen,
  checkin: lazy(() => import('../screens/checkin/CheckinScreen.tsx')),
  services: lazy(() => import('../screens/services/ServicesScreen.tsx')),
  service: lazy(() => import('../screens/services/ServiceScreen.tsx')),
  bills: lazy(() => import('../screens/bills/BillsScreen.tsx')),
  bill: lazy(() => import('../screens/bills/BillScreen.tsx')),
  requests: lazy(() => import('../screens/requests/RequestsScreen.tsx')),
  requestStatus: lazy(() => import('../screens/requests/RequestStatusScreen.tsx')),
  duty: lazy(() => import('../screens/duty/DutyScreen.tsx')),
  notices: lazy(() => import('../screens/notices/NoticesScreen.tsx')),
  notice: lazy(() => import('../screens/notices/NoticeScreen.tsx')),
  feedback: lazy(() => import('../screens/feedback/FeedbackScreen.tsx')),
  amenities: lazy(() => import('../screens/amenities/AmenitiesScreen.tsx')),
  volunteer: lazy(() => import('../screens/volunteer/VolunteerScreen.tsx')),
  technician: lazy(() => import('../screens/technician/TechnicianScreen.tsx')),
};
