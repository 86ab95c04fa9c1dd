import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import { z } from 'zod';
import { VERSION_PATTERN } from './version.ts';

/**
 * The channel files electron-builder writes beside the installers: latest.yml (Windows), latest-linux.yml,
 * latest-linux-arm64.yml (and latest-mac.yml). The kiosk's updater asks for the one of its platform.
 */
export const CHANNEL_FILE = /^latest(-[a-z0-9]+)*\.yml$/;

/** A file of a release as the folder holds it: one plain name, nothing that could climb out of the folder. */
export const isPlainFileName = (name: string): boolean => name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && name !== '.' && name !== '..' && !name.startsWith('.');

const sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 SHA-512');
const fileSchema = z.object({
  url: z.string().refine(isPlainFileName, 'a file name in the same folder'),
  sha512,
  size: z.number().int().positive().optional(),
  blockMapSize: z.number().int().positive().optional(),
});
export const updateInfoSchema = z.object({
  version: z.string().regex(VERSION_PATTERN, 'a version such as 1.2.3'),
  files: z.array(fileSchema).min(1),
  releaseDate: z.string().optional(),
});
export type ChannelInfo = z.infer<typeof updateInfoSchema>;

/**
 * Reads a channel file with electron-updater's own parser (the one the kiosk runs on the same text), then
 * holds it to what publishing needs. Throws with the reason.
 */
export const readChannelFile = (text: string, name: string): ChannelInfo => {
  const parsed = updateInfoSchema.safeParse(parseUpdateInfo(text, name, new URL(`file:///${encodeURIComponent(name)}`)));
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
};
