import './qr-scan.css';
import type { RefObject } from 'react';

/**
 * What the camera sees, with the square to hold a code in and a line saying whether it is looking yet. Stays
 * mounted until the camera fails (the video element is where the scan shows its stream).
 */
export function QrScanView({ video, ready, label, starting, looking }: { video: RefObject<HTMLVideoElement | null>; ready: boolean; label: string; starting: string; looking: string }) {
  return (
    <div className="qr-scan">
      <video ref={video} className="qr-scan__video" muted playsInline aria-label={label} />
      <div className="qr-scan__frame" aria-hidden="true" />
      <p className="qr-scan__state" role="status">{ready ? looking : starting}</p>
    </div>
  );
}
