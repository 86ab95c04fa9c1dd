import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { asIcon } from './icons/Icon.tsx';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  large?: boolean;
  block?: boolean;
  icon?: ReactNode;
}

export function Button({ variant = 'secondary', large, block, icon, children, type = 'button', className: extra, ...rest }: ButtonProps) {
  const className = ['btn', `btn--${variant}`, large && 'btn--large', block && 'btn--block', extra].filter(Boolean).join(' ');
  return (
    <button type={type} className={className} {...rest}>
      {icon ? <span className="btn__icon" aria-hidden="true">{asIcon(icon)}</span> : null}
      {children}
    </button>
  );
}
