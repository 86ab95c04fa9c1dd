/**
 * The Content-Security-Policy sent with every response of the app:// scheme. Scripts, styles, fonts and
 * workers come only from the app itself; the only network the page may reach is the station's server.
 * No inline script, no eval, no plugins, no frames, no forms posting anywhere.
 */
export const contentSecurityPolicy = ({ connect = [] }: { connect?: string[] } = {}): string => {
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
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self'",
    ['connect-src', "'self'", ...new Set(origins)].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
};

/** Headers every app:// response carries besides its type. */
export const securityHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
});
