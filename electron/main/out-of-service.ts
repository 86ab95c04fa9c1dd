import { createHash } from 'node:crypto';
import { SERVICE_ORIGIN, type ServicePage } from './app-protocol.ts';

export const OUT_OF_SERVICE_PATH = '/out-of-service.html';
export const OUT_OF_SERVICE_URL = `${SERVICE_ORIGIN}${OUT_OF_SERVICE_PATH}`;

const style = `
html,body{margin:0;height:100%;background:#fffaf5;color:#1f1a17;font-family:"Noto Sans CJK SC","Noto Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif}
main{box-sizing:border-box;min-height:100%;display:flex;flex-direction:column;justify-content:center;align-items:center;gap:28px;padding:48px;text-align:center}
.mark{width:96px;height:96px;border-radius:50%;background:#b3261e;color:#fff;font-size:56px;line-height:96px}
h1{margin:0;font-size:48px;line-height:1.25}
p{margin:0;font-size:28px;line-height:1.5;max-width:36em}
.en{color:#4a403a;font-size:24px}
`.trim();

/**
 * The calm page a resident sees when the kiosk keeps failing: it says what to do (ask the volunteer), in
 * Chinese and English, in large type. It needs nothing: no network, no script, no image, no font file; the
 * shell keeps trying to bring the app back behind it.
 */
export const outOfServiceHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>暂停服务 · Out of service</title>
<style>${style}</style>
</head>
<body>
<main>
<div class="mark" aria-hidden="true">驿</div>
<h1>本机暂停服务，请找值班志愿者帮忙</h1>
<p>机器正在自动恢复，您不需要做任何操作。</p>
<h1 lang="en" class="en">This kiosk is out of service for a moment. Please ask the volunteer on duty.</h1>
<p lang="en" class="en">It is recovering by itself; there is nothing you need to do.</p>
</main>
</body>
</html>
`;

const styleHash = createHash('sha256').update(style).digest('base64');

/** No script at all; the one inline style is allowed by its hash. */
export const outOfServicePage: ServicePage = {
  body: outOfServiceHtml,
  csp: `default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
};

export const servicePages: Record<string, ServicePage> = { [OUT_OF_SERVICE_PATH]: outOfServicePage };
