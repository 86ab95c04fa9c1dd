import type { ReactNode } from 'react';
import { asIcon } from './icons/Icon.tsx';

export function Tile({ icon, title, hint, onPress, feature }: { icon: ReactNode; title: string; hint?: string; onPress: () => void; feature?: boolean }) {
  return (
    <button type="button" className={feature ? 'tile tile--feature' : 'tile'} onClick={onPress}>
      <span className="tile__icon" aria-hidden="true">{asIcon(icon)}</span>
      <span className="tile__title">{title}</span>
      {hint ? <span className="tile__hint">{hint}</span> : null}
    </button>
  );
}
