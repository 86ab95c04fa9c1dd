import qrcode from 'qrcode-generator';

/** One station's line on the sheet: what its tablet needs, as `provision` made it. */
export interface SheetStation {
  id: string;
  name: string;
  code: string;
  expiresAt: Date;
  /** The setup link (sync/protocol/setup-link.ts): opened on the tablet or scanned from the sheet. */
  link: string;
  /** The station's own technician PIN (provision --pins); null: its technician sets one at first run. */
  pin?: string | null;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The QR code of `text`, error correction M, its bytes the text's UTF-8. qrcode-generator's byte mode keeps only
 * the low byte of each UTF-16 unit (a station's Chinese name came out of the kiosk's camera as noise); given the
 * UTF-8 bytes one per character, it writes them as they are, and ZXing and BarcodeDetector read valid UTF-8 as
 * UTF-8.
 */
export const qrMatrix = (text: string): ReturnType<typeof qrcode> => {
  const qr = qrcode(0, 'M');
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  return qr;
};

/**
 * The QR code of `text` as an SVG drawn from squares: no script, no image file, sharp at any print size. A quiet
 * zone of four modules, as a phone's or the kiosk's camera expects.
 */
export const qrSvg = (text: string, label: string): string => {
  const qr = qrMatrix(text);
  const modules = qr.getModuleCount();
  const size = modules + 8;
  let path = '';
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${escapeHtml(label)}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
};

const day = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

/**
 * The printable provisioning sheet: a card per station with its QR code and setup link, the code written out for
 * a tablet whose camera cannot read it, and how long it is valid. Self-contained HTML (print it, or open it on a
 * laptop beside the tablet); it enrols stations, so it is kept and destroyed like the codes in it.
 */
export const provisionSheetHtml = (input: { stations: readonly SheetStation[]; serverUrl: string; generatedAt: Date }): string => {
  const cards = input.stations
    .map(
      (station) => `<section class="card">
  <h2>${escapeHtml(station.name)}</h2>
  <p class="id">${escapeHtml(station.id)}</p>
  <div class="qr">${qrSvg(station.link, `setup link of ${station.id}`)}</div>
  <dl>
    <dt>注册码 · Enrolment code</dt><dd class="code">${escapeHtml(station.code)}</dd>
    <dt>有效期至 · Valid until (UTC)</dt><dd>${day(station.expiresAt)}</dd>
    ${station.pin ? `<dt>技术员密码 · Technician PIN</dt><dd class="code">${escapeHtml(station.pin)}</dd>` : ''}
    <dt>设置链接 · Setup link</dt><dd class="link"><a href="${escapeHtml(station.link)}">${escapeHtml(station.link)}</a></dd>
  </dl>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>驿站设置码 · Station setup codes</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 12mm; color: #111; }
  header p { margin: 2px 0; }
  .cards { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8mm; margin-top: 8mm; }
  .card { border: 1px solid #444; border-radius: 3mm; padding: 5mm; break-inside: avoid; }
  .card h2 { margin: 0; font-size: 16pt; }
  .id { margin: 1mm 0 3mm; font-family: monospace; font-size: 12pt; }
  .qr svg { width: 55mm; height: 55mm; display: block; }
  dl { margin: 3mm 0 0; } dt { font-size: 9pt; color: #444; margin-top: 2mm; } dd { margin: 0; }
  .code { font-family: monospace; font-size: 15pt; letter-spacing: 1px; }
  .link { font-family: monospace; font-size: 7pt; overflow-wrap: anywhere; }
  .link a { color: inherit; text-decoration: none; }
  @media print { body { margin: 8mm; } }
</style>
</head>
<body>
<header>
  <h1>驿站设置码 · Station setup codes</h1>
  <p>社区中心 · Centre: ${escapeHtml(input.serverUrl)} — ${escapeHtml(day(input.generatedAt))} UTC</p>
  <p>在驿站首次启动的设置页上点“扫描设置二维码”，把本站的二维码对着平板的摄像头；或用平板的相机扫描二维码（会在浏览器中打开设置链接），或在平板上打开设置链接。每个码只能用一次。本页能注册驿站：请像钥匙一样保管，用完销毁。</p>
  <p>On the kiosk's first-run setup screen, tap “扫描设置二维码 / Scan the setup QR code” and hold this station's QR code up to the tablet's camera; or scan it with the tablet's camera app (it opens the setup link in the browser), or open the setup link on the tablet. Each code works once. This sheet enrols stations: keep it like a key, destroy it when done.</p>
</header>
<main class="cards">
${cards}
</main>
</body>
</html>
`;
};
