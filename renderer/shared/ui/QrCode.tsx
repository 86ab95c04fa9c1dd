import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code drawn locally from the text as SVG: no network, no image files. The kiosk shows links and receipt
 * numbers with it; the console prints members' sign-in badges. Each app styles `.qr` its own way.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    let d = '';
    for (let r = 0; r < n; r += 1) for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    return { d, size: n + 8 };
  }, [text]);
  return (
    <figure className="qr" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${path.size} ${path.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
        <rect width={path.size} height={path.size} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
      <figcaption className="qr__label">{label}</figcaption>
    </figure>
  );
}
