/**
 * The tablet's camera, for scanning a member's QR code. Opened only while the scan screen is up and closed when
 * it goes; a tablet without a camera (or one the shell does not let the app use) gets a clear reason, not a
 * spinner.
 */
export type CameraProblem = 'no-camera' | 'denied' | 'failed';

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem, cause?: unknown) {
    super(problem, { cause });
    this.name = 'CameraError';
  }
}

export const openCamera = async (media: MediaDevices | undefined = globalThis.navigator?.mediaDevices): Promise<MediaStream> => {
  if (!media?.getUserMedia) throw new CameraError('no-camera');
  try {
    // The front camera: the tablet faces the person standing at it.
    return await media.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') throw new CameraError('no-camera', error);
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('denied', error);
    throw new CameraError('failed', error);
  }
};

export const closeCamera = (stream: MediaStream | null): void => {
  for (const track of stream?.getTracks() ?? []) track.stop();
};
