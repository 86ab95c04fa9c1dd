/**
 * The Content-Security-Policy of the community console (renderer/console), stricter than the kiosk's: the console
 * talks only to the server that serves it, so nothing but 'self' anywhere. No inline script or style, no eval,
 * no frames, no plugins, no worker, no manifest. The build carries it as a meta tag (`meta`: without
 * frame-ancestors, which a meta tag cannot set); the server sends it, frame-ancestors included, with every file
 * under /console.
 */
export const consoleContentSecurityPolicy = ({ meta = false }: { meta?: boolean } = {}): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // ECharts' SVG renderer and the member badge's QR code are drawn in the page; CSV exports download as blobs.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(meta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
