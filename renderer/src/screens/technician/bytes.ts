const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A byte count as a technician reads it: 1.5 MiB, 740 KiB; one decimal from MiB up. */
export const formatBytes = (n: number): string => {
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit >= 2 ? 1 : 0;
  return `${n < 0 ? '-' : ''}${value.toFixed(digits)} ${UNITS[unit]}`;
};
