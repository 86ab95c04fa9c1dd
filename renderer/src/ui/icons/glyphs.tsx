import type { ReactNode } from 'react';

/** A line drawing in the text's own colour, 1em square; decorative, like every icon. */
const Glyph = ({ children }: { children: ReactNode }) => (
  <svg className="glyph" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    {children}
  </svg>
);

export const BackGlyph = () => (
  <Glyph>
    <path d="M19 12H5M11 5l-7 7 7 7" />
  </Glyph>
);

export const HomeGlyph = () => (
  <Glyph>
    <path d="M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5" />
  </Glyph>
);

export const DeleteGlyph = () => (
  <Glyph>
    <path d="M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6" />
  </Glyph>
);

export const CheckGlyph = () => (
  <Glyph>
    <path d="M4 12.5l5 5L20 6.5" />
  </Glyph>
);

export const BoxGlyph = ({ checked }: { checked: boolean }) => (
  <Glyph>
    <rect x="3" y="3" width="18" height="18" rx="4" />
    {checked ? <path d="M7 12.5l3.5 3.5L17 8.5" /> : null}
  </Glyph>
);

export const MoreBelowGlyph = () => (
  <Glyph>
    <path d="M6 9l6 6 6-6" />
  </Glyph>
);

export const UndoGlyph = () => (
  <Glyph>
    <path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />
  </Glyph>
);

export const DotGlyph = ({ filled }: { filled: boolean }) => (
  <Glyph>
    <circle cx="12" cy="12" r="7" fill={filled ? 'currentColor' : 'none'} />
  </Glyph>
);
