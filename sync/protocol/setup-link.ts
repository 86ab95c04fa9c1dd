import { z } from 'zod';
import { localeSchema } from './catalogue.ts';
import { enrolmentCodeSchema, serverUrlSchema, stationIdSchema } from './wire.ts';

/**
 * A station's setup as a link: what `provision` prints beside each station (and draws as its QR code), and what a
 * tablet opens or scans instead of typing a code. The link opens the kiosk the centre serves; everything the
 * tablet needs travels in the fragment, which a browser never sends to any server (so no access log, proxy or
 * Referer carries the code), and which the kiosk removes from the address bar and history as it reads it.
 *
 *   https://yizhan.example.gov.cn/#yizhan-setup?station=xingfuli-07&code=K7Q29XPM2345&name=…&locale=zh-CN
 *
 * `server` is added only when the centre is not where the link opens the kiosk (a kiosk served elsewhere).
 */
export const SETUP_FRAGMENT = 'yizhan-setup';

export const setupLinkSchema = z.object({
  serverUrl: serverUrlSchema,
  stationId: stationIdSchema,
  stationName: z.string().trim().min(1).max(64),
  enrolmentCode: enrolmentCodeSchema,
  locale: localeSchema,
});
export type SetupLink = z.infer<typeof setupLinkSchema>;

/** The kiosk's address without its file name or trailing slash: where a link opens it is the default centre. */
const baseOf = (url: URL): string => `${url.origin}${url.pathname.replace(/\/index\.html$/, '').replace(/\/+$/, '')}`;

/** The link that sets a tablet up as `setup`, opening the kiosk served at `kioskUrl`. */
export const setupLinkFor = (kioskUrl: string, setup: SetupLink): string => {
  const kiosk = new URL(kioskUrl);
  kiosk.search = '';
  kiosk.hash = '';
  const params = new URLSearchParams({ station: setup.stationId, code: setup.enrolmentCode, name: setup.stationName, locale: setup.locale });
  if (baseOf(kiosk) !== setup.serverUrl) params.set('server', setup.serverUrl);
  return `${baseOf(kiosk)}/#${SETUP_FRAGMENT}?${unescapeNonAscii(params.toString())}`;
};

/**
 * Chinese characters as themselves rather than %XX%XX%XX: a third of the bytes in the QR code (coarser modules,
 * an easier read for a tablet's camera) and a readable link. Only sequences of bytes above 0x7F are unescaped,
 * so no character that means something in a URL comes back.
 */
const unescapeNonAscii = (query: string): string =>
  query.replace(/(?:%[89A-F][0-9A-F])+/g, (bytes) => {
    try {
      return decodeURIComponent(bytes);
    } catch {
      return bytes;
    }
  });

export type SetupLinkReading = { kind: 'none' } | { kind: 'setup'; setup: SetupLink } | { kind: 'invalid'; problems: string[] };

/**
 * Reads a setup link (from the address bar or a QR code). `none`: not a setup link at all (an ordinary address,
 * a member's QR code); `invalid`: a setup link with something wrong, named field by field.
 */
export const readSetupLink = (text: string): SetupLinkReading => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { kind: 'none' };
  }
  const prefix = `#${SETUP_FRAGMENT}?`;
  if (!url.hash.startsWith(prefix)) return { kind: 'none' };
  const params = new URLSearchParams(url.hash.slice(prefix.length));
  const parsed = setupLinkSchema.safeParse({
    serverUrl: params.get('server') ?? baseOf(url),
    stationId: params.get('station') ?? undefined,
    stationName: params.get('name') ?? undefined,
    enrolmentCode: params.get('code') ?? undefined,
    locale: params.get('locale') ?? 'zh-CN',
  });
  if (!parsed.success) return { kind: 'invalid', problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return { kind: 'setup', setup: parsed.data };
};
