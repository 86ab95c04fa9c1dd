import { type RefObject, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CameraProblem } from '../platform/camera.ts';
import { type QrScanner, scanWithCamera } from '../platform/qr-scan.ts';

export interface QrScanState {
  video: RefObject<HTMLVideoElement | null>;
  ready: boolean;
  problem: CameraProblem | null;
}

/**
 * A QR scan for as long as the calling screen is up: the camera opens when it mounts and closes when it goes.
 * `onText` takes a decoded text (true) or refuses it (false, the scan goes on). `scanner` is the camera's seam.
 */
export const useQrScan = (onText: (text: string) => Promise<boolean>, scanner: QrScanner = scanWithCamera): QrScanState => {
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const take = useEffectEvent((text: string) => onText(text));

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const scan = scanner(element, { onReady: () => setReady(true), onProblem: setProblem, onText: (text) => take(text) });
    return () => scan.stop();
  }, [scanner]);

  return { video, ready, problem };
};
