import type { Input } from 'electron';
import { classifyKey } from './shortcuts.ts';

/** The parts of a WebContents the touch lockdown needs (Electron's WebContents satisfies it). */
export interface LockableContents {
  on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: Input) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'zoom-changed', listener: () => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  setZoomLevel(level: number): void;
  closeDevTools(): void;
}

export interface LockdownOptions {
  production: boolean;
  onTechnician: () => void;
  log?: (message: string) => void;
}

/**
 * The shell's half of the touch lockdown (the renderer's is platform/lockdown.ts): no pinch or keyboard zoom,
 * browser shortcuts swallowed, devtools closed at once in production, the technician combination passed on.
 */
export const lockDownContents = (contents: LockableContents, { production, onTechnician, log = () => undefined }: LockdownOptions): void => {
  const noZoom = () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
    contents.setZoomLevel(0);
  };
  noZoom();
  contents.on('did-finish-load', noZoom);
  contents.on('zoom-changed', noZoom);
  contents.on('before-input-event', (event, input) => {
    const decision = classifyKey(input);
    if (decision === 'pass') return;
    event.preventDefault();
    if (decision === 'technician' && input.type === 'keyDown') onTechnician();
  });
  contents.on('devtools-opened', () => {
    if (!production) return;
    contents.closeDevTools();
    log('devtools closed (production)');
  });
};
