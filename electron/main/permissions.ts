import type { Session } from 'electron';
import { isAppUrl } from './app-protocol.ts';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type Permission = Parameters<RequestHandler>[1];
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
export type CheckedPermission = Parameters<CheckHandler>[1];

/**
 * The permissions the kiosk grants besides the camera: none. Check-in, services, requests, read-aloud
 * (speechSynthesis) and the local store need no permission; `persist()` is not a permission in Electron (the
 * shell watches the disk instead). A future feature that needs one adds it here, with a test, and it is still
 * granted only to the app's own origin.
 */
export const GRANTED: ReadonlySet<Permission | CheckedPermission> = new Set();

/**
 * The camera alone (media, video only, never the microphone): a volunteer signs in by holding their QR code up
 * to the tablet. The renderer opens it only while the scan screen is up.
 */
const cameraOnly = (permission: string, mediaTypes: readonly string[]): boolean =>
  permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');

export const permissionAllowed = (permission: string, origin: string, mediaTypes: readonly string[] = []): boolean =>
  isAppUrl(origin) && (GRANTED.has(permission as Permission) || cameraOnly(permission, mediaTypes));

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
>;

/** Installs the permission handlers on the kiosk's session: requests, checks, devices and screen capture. */
export const lockDownPermissions = (session: PermissionSession, log: (message: string) => void = () => undefined): void => {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl, (details as { mediaTypes?: string[] }).mediaTypes ?? []);
    if (!allowed) log(`permission refused: ${permission} for ${details.requestingUrl.slice(0, 200)}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, requestingOrigin, details.mediaType ? [details.mediaType] : []),
  );
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    log('screen capture refused');
    // An empty answer refuses the request.
    callback({});
  });
};
