const DAY_MS = 86_400_000;

/** What the tablet's storage holds, as navigator.storage.estimate() says, with how fast that grows. */
export interface StorageReading {
  used: number | null;
  quota: number | null;
  /** Bytes a day over the samples kept (negative while pruning frees more than records add); null until a day apart. */
  growthPerDay?: number | null;
}

export interface StorageSample {
  at: string;
  used: number;
}

/**
 * The slope from the oldest sample to the newest: a month of daily samples is enough to tell "grows a little
 * every day" from "grows fast", and one outlier day moves it by a thirtieth at most.
 */
export const growthPerDay = (samples: readonly StorageSample[]): number | null => {
  if (samples.length < 2) return null;
  const sorted = [...samples].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const days = (Date.parse(last.at) - Date.parse(first.at)) / DAY_MS;
  return days < 1 ? null : Math.round((last.used - first.used) / days);
};
