import { useCallback, useEffect, useState } from 'react';

export interface Flash<V> {
  value: V;
  /** Grows with every flash, so a repeated message can be keyed as new and announced again. */
  n: number;
}

/** A value shown for a moment and then cleared by itself; a new flash restarts the moment. */
export const useFlash = <V>(ms: number): readonly [Flash<V> | undefined, (value: V) => void] => {
  const [flash, setFlash] = useState<Flash<V>>();
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(undefined), ms);
    return () => clearTimeout(timer);
  }, [flash, ms]);
  const show = useCallback((value: V) => setFlash((current) => ({ value, n: (current?.n ?? 0) + 1 })), []);
  return [flash, show] as const;
};
