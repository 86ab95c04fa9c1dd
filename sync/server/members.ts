import qrcode from 'qrcode-generator';
import { type MemberCredentials, memberCredentialsSchema } from '../protocol/centre.ts';
import { hashMemberPin, hashMemberQrSecret, MEMBER_PIN_PATTERN, memberQrText, newMemberQrSecret } from '../protocol/pin-hash.ts';
import type { Storage } from './storage/types.ts';

/**
 * Members' sign-in credentials, set at the centre (the CLI now, the staff console later). Only hashes are kept and
 * published (member-credentials, in every scope the member is published in, so exactly the stations that list
 * the member can let them sign in); a PIN or a QR secret exists only in the hands of whoever set or printed it.
 */
export type CredentialsOutcome = { ok: true; scopes: string[]; credentials: MemberCredentials } | { ok: false; reason: 'unknown-member' | 'bad-pin' };

const current = async (storage: Storage, memberId: string): Promise<{ scopes: string[]; credentials: MemberCredentials | null }> => {
  const scopes = (await storage.findCentreEntries({ collection: 'members', id: memberId })).map((entry) => entry.scope);
  const published = (await storage.findCentreEntries({ collection: 'member-credentials', id: memberId }))
    .map((entry) => memberCredentialsSchema.safeParse(entry.value))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return { scopes, credentials: published ?? null };
};

const publish = async (storage: Storage, scopes: readonly string[], credentials: MemberCredentials, now: Date) => {
  for (const scope of scopes) await storage.putCentreEntry({ collection: 'member-credentials', scope, id: credentials.memberId, value: credentials, now });
};

const change = async (
  storage: Storage,
  memberId: string,
  now: Date,
  update: Partial<Pick<MemberCredentials, 'pinHash' | 'qrHash'>>,
): Promise<CredentialsOutcome> => {
  const { scopes, credentials } = await current(storage, memberId);
  if (scopes.length === 0) return { ok: false, reason: 'unknown-member' };
  const next = memberCredentialsSchema.parse({ memberId, pinHash: credentials?.pinHash ?? null, qrHash: credentials?.qrHash ?? null, ...update, updatedAt: now.toISOString() });
  await publish(storage, scopes, next, now);
  return { ok: true, scopes, credentials: next };
};

/** Sets (or replaces) a member's PIN: its PBKDF2 hash with a fresh salt is what the tablets receive. */
export const setMemberPin = async (storage: Storage, input: { memberId: string; pin: string; now: Date }): Promise<CredentialsOutcome> => {
  if (!MEMBER_PIN_PATTERN.test(input.pin)) return { ok: false, reason: 'bad-pin' };
  return change(storage, input.memberId, input.now, { pinHash: await hashMemberPin(input.pin) });
};

/**
 * Issues a member a new QR code, withdrawing the old one: returns the code's text and an SVG of it to print or
 * send to the member's phone. The secret in it is not kept.
 */
export const issueMemberQr = async (storage: Storage, input: { memberId: string; now: Date }): Promise<(CredentialsOutcome & { ok: true; text: string; svg: string }) | (CredentialsOutcome & { ok: false })> => {
  const secret = newMemberQrSecret();
  const outcome = await change(storage, input.memberId, input.now, { qrHash: await hashMemberQrSecret(secret) });
  if (!outcome.ok) return outcome;
  const text = memberQrText(input.memberId, secret);
  return { ...outcome, text, svg: qrSvg(text, input.memberId) };
};

/** A QR code as a standalone SVG (dark modules on white, a quiet zone of four), captioned with the member id. */
export const qrSvg = (text: string, caption: string): string => {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const size = modules + 8;
  let path = '';
  for (let row = 0; row < modules; row += 1) for (let col = 0; col < modules; col += 1) if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
  const escaped = caption.replace(/[<>&"]/g, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size + 4}" width="${size * 8}" height="${(size + 4) * 8}" shape-rendering="crispEdges">`,
    `<rect width="${size}" height="${size + 4}" fill="#fff"/>`,
    `<path d="${path}" fill="#000"/>`,
    `<text x="${size / 2}" y="${size + 2}" font-size="2.4" text-anchor="middle" font-family="sans-serif">${escaped}</text>`,
    '</svg>',
    '',
  ].join('\n');
};
