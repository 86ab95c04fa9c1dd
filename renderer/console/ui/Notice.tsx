import type { ReactNode } from 'react';

/**
 * A message in the page. 'error' is an alert (read out at once); the others are polite status messages. The
 * tone is said by an icon and the words, not only by colour.
 */
export function Notice({ tone, children, className }: { tone: 'error' | 'warning' | 'ok' | 'info'; children: ReactNode; className?: string }) {
  const icon = { error: '⛔', warning: '⚠', ok: '✓', info: 'ℹ' }[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={['notice', `notice--${tone}`, className].filter(Boolean).join(' ')}>
      <span className="notice__icon" aria-hidden="true">
        {icon}
      </span>
      <div className="notice__text">{children}</div>
    </div>
  );
}
