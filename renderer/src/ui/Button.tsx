import type { ButtonHTMLAttributes, ReactNode } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: 'primary' | 'secondary' | 'quiet';
  large?: boolean;
  block?: boolean;
  icon?: ReactNode;
}

export function Button({ variant = 'secondary', large, block, icon, children, type = 'button', ...rest }: ButtonProps) {
  const className = ['btn', `btn--${variant}`, large && 'btn--large', block && 'btn--block'].filter(Boolean).join(' ');
  return (
    <button type={type} className={className} {...rest}>
      {icon ? <span className="btn__icon" aria-hidden="true">{icon}</span> : null}
      {children}
    </button>
  );
}
