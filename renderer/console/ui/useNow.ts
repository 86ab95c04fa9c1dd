import { useEffect, useState } from 'react';

/** The time now, moving on every `intervalMs`: ages and overdue spans stay right while a page stays open. */
export const useNow = (intervalMs = 30_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
