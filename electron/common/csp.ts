/**
 * Where a browser kiosk may sync: its centre is configured at run time (station-config.json, the setup screen),
 * and the config only accepts https, or http on loopback. (CSP has no syntax for an IPv6 host: a developer's
 * server on [::1] is reached as localhost.)
 */
export const ANY_CENTRE = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'] as const;

/**
 * The Content-Security-Policy of the app. The shell sends it with every response of the app:// scheme, the
 * only network allowed being the station's server; the web build carries it as a meta tag (`meta`: without
 * frame-ancestors, which a meta tag cannot set), allowing any centre the config accepts; the central server
 * sends that same policy, frame-ancestors included, with the web build it serves. Scripts, styles,
 * fonts and workers come only from the app itself. No inline script, no eval, no plugins, no frames, no forms
 * posting anywhere. WebAssembly may compile (the app's own QR decoder); the camera is open to the app itself.
 */
export const contentSecurityPolicy = ({ connect = [], sources = [], meta = false }: { connect?: string[]; sources?: readonly string[]; meta?: boolean } = {}): string => {
  const origins = connect.flatMap((url) => {
    try {
      const { protocol, origin } = new URL(url);
      return protocol === 'https:' || protocol === 'http:' ? [origin] : [];
    } catch {
      return [];
    }
  });
  return [
    "default-src 'none'",
    // WebAssembly compiles under 'wasm-unsafe-eval' (the QR decoder, platform/qr-decoder.ts); JavaScript eval stays off.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self'",
    ['connect-src', "'self'", ...sources, ...new Set(origins)].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(meta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
};

/** Headers every app:// response, and every file of the web build the central server sends, carries besides its type. */
export const securityHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  // frame-ancestors says the same to current browsers; this is for those that predate it.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
});
