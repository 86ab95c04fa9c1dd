import type { Utility } from '@protocol/records.ts';

/** Every screen and the parameters it needs: a call site cannot name a screen that does not exist. */
export interface Routes {
  home: undefined;
  checkin: undefined;
  services: { categoryId?: string };
  service: { serviceId: string };
  bills: undefined;
  bill: { utility: Utility };
  requests: undefined;
  requestStatus: { number?: string };
  duty: undefined;
  notices: undefined;
  notice: { noticeId: string };
  feedback: undefined;
  amenities: undefined;
  /** The volunteers' way in: sign a shift, then their workspace (it locks when left or idle). */
  volunteer: undefined;
  /** Diagnostics and enrolment, behind the technician's gesture and PIN. */
  technician: undefined;
}
export type ScreenName = keyof Routes;
export type Route = { [K in ScreenName]: { screen: K; params: Routes[K] } }[ScreenName];
