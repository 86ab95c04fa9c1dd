import type { ReactNode } from 'react';
import { asIcon } from './icons/Icon.tsx';

export interface Choice<V extends string> {
  value: V;
  label: string;
  icon?: ReactNode;
}

/** Big single-choice buttons (a radio group for assistive technology). */
export function ChoiceGroup<V extends string>({ label, choices, value, onChange }: { label: string; choices: readonly Choice<V>[]; value: V | undefined; onChange: (value: V) => void }) {
  return (
    <div role="radiogroup" aria-label={label} className="choices">
      {choices.map((c) => (
        <button key={c.value} type="button" role="radio" aria-checked={value === c.value} className="choice" onClick={() => onChange(c.value)}>
          {c.icon ? <span className="choice__icon" aria-hidden="true">{asIcon(c.icon)}</span> : null}
          {c.label}
        </button>
      ))}
    </div>
  );
}
