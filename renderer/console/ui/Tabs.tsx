import { type KeyboardEvent, useRef } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

/**
 * A row of tabs (WAI-ARIA tabs pattern: arrow keys move between them, the selected one is the only tab stop).
 * The panel is the caller's: give it role="tabpanel", id `${id}-panel` and aria-labelledby `${id}-${key}`.
 */
export function Tabs<K extends string>({ id, label, items, selected, onSelect }: { id: string; label: string; items: readonly TabItem<K>[]; selected: K; onSelect: (key: K) => void }) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: items.length - 1 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = items[(index + step + items.length) % items.length];
    if (!next) return;
    onSelect(next.key);
    refs.current.get(next.key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs">
      {items.map((item, index) => (
        <button
          key={item.key}
          ref={(element) => {
            if (element) refs.current.set(item.key, element);
            else refs.current.delete(item.key);
          }}
          type="button"
          role="tab"
          id={`${id}-${item.key}`}
          aria-selected={item.key === selected}
          aria-controls={`${id}-panel`}
          tabIndex={item.key === selected ? 0 : -1}
          className="tabs__tab"
          onClick={() => onSelect(item.key)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
