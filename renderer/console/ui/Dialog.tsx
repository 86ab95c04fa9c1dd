import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the platform's <dialog>: showModal() makes the rest of the page inert, keeps focus inside and
 * closes on Escape; focus returns to what opened it. Rendered only while open.
 */
export function Dialog({ title, onClose, children, footer, wide }: { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  const { t } = useTranslation('console');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={['dialog', wide && 'dialog--wide'].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="btn btn--quiet btn--icon" onClick={onClose} aria-label={t('action.close')}>
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__foot">{footer}</footer> : null}
    </dialog>
  );
}
