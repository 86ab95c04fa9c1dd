import { CameraError, type CameraProblem, closeCamera, openCamera } from './camera.ts';
import { createQrDecoder } from './qr-decoder.ts';

const FRAME_MS = 250;

export interface QrScanHandlers {
  /** The camera shows in the video and frames are being read. */
  onReady(): void;
  /** The camera could not be opened: the scan ends here. */
  onProblem(problem: CameraProblem): void;
  /** A decoded text; true takes it (the camera closes), false refuses it (the scan goes on). */
  onText(text: string): Promise<boolean>;
}

/** A running scan; stop() closes the camera (and is safe to call at any moment, more than once). */
export interface QrScan {
  stop(): void;
}

export type QrScanner = (video: HTMLVideoElement, handlers: QrScanHandlers) => QrScan;

/**
 * The tablet's camera in `video`, its frames read by the QR decoder (platform/qr-decoder.ts) four times a second;
 * frames never leave the tablet. A refused text is not offered again while it stays in front of the camera (a
 * code held still is decoded at every frame), so a refusal is said once, not four times a second.
 */
export const scanWithCamera: QrScanner = (video, handlers) => {
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let lastRefused = '';

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    closeCamera(stream);
  };

  const start = async () => {
    try {
      stream = await openCamera();
    } catch (error) {
      if (!stopped) handlers.onProblem(error instanceof CameraError ? error.problem : 'failed');
      return;
    }
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (stopped || !context) return closeCamera(stream);
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    const decoder = await createQrDecoder();
    if (stopped) return;
    handlers.onReady();
    const scan = async () => {
      if (stopped) return;
      if (video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const [text] = await decoder.decode(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => [] as string[]);
        if (text && text !== lastRefused && !stopped) {
          const taken = await handlers.onText(text);
          if (stopped) return;
          if (taken) return stop();
          lastRefused = text;
        }
      }
      timer = setTimeout(() => void scan(), FRAME_MS);
    };
    void scan();
  };
  void start();
  return { stop };
};
