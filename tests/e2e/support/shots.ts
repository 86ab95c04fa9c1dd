/** Where every state's screenshots and the contact sheet of them all land (see contact-sheet.ts). */
export const SHOTS = 'test-output/screenshots';
export const SHOT_INDEX = `${SHOTS}/index.jsonl`;

export const viewports = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 800, height: 1280 },
} as const;
export type ViewportName = keyof typeof viewports;
export type Language = 'zh-CN' | 'en';

export interface Combo {
  viewport: ViewportName;
  elderly: boolean;
  language: Language;
}

/** One line of the index: one state of one flow, seen in one combination. */
export interface ShotEntry extends Combo {
  flow: string;
  state: string;
  image: string;
  problems: string[];
  /** How long seeing it took: switching to it, the checks, the screenshot (and, on a state's last, the dwell). */
  ms: number;
}
