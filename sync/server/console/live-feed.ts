import type { RequestChange } from '../storage/console/types.ts';
import type { Storage } from '../storage/types.ts';

/**
 * Request changes as they land in the database, for the live inbox. The database is the only source: every
 * server process polls the change sequence (request statuses are centre entries, so a push on any process, or a
 * dispatch, moves it), so a change made through another process reaches this one's streams within a poll. One
 * poll per process serves all its streams; a stream that resumes (Last-Event-ID) first catches up on its own.
 */
export interface LiveFeed {
  /** Calls `deliver` with every change after `after`, in order, until the returned function is called. */
  subscribe(after: number, deliver: (changes: RequestChange[]) => void): Promise<() => void>;
  latest(): Promise<number>;
  stop(): void;
}

const PAGE = 500;

export const createLiveFeed = (storage: Storage, pollMs: number): LiveFeed => {
  const subscribers = new Set<(changes: RequestChange[]) => void>();
  let cursor: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;

  const poll = async () => {
    if (polling || cursor === null) return;
    polling = true;
    try {
      for (;;) {
        const changes = await storage.requestChangesSince(cursor, PAGE);
        if (changes.length === 0) break;
        cursor = changes.at(-1)!.seq;
        for (const deliver of subscribers) deliver(changes);
        if (changes.length < PAGE) break;
      }
    } catch {
      // The database is away: the next poll tries again; streams stay open.
    } finally {
      polling = false;
    }
  };

  return {
    async subscribe(after, deliver) {
      if (cursor === null) cursor = await storage.latestChangeSeq();
      // Catch up from where this stream stands to where the shared poll is, then join it.
      let from = after;
      while (from < cursor) {
        const changes = (await storage.requestChangesSince(from, PAGE)).filter((change) => change.seq <= cursor!);
        if (changes.length === 0) break;
        deliver(changes);
        from = changes.at(-1)!.seq;
      }
      subscribers.add(deliver);
      timer ??= setInterval(() => void poll(), pollMs);
      return () => {
        subscribers.delete(deliver);
        if (subscribers.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
          // Started afresh when the next stream opens.
          cursor = null;
        }
      };
    },
    latest: () => storage.latestChangeSeq(),
    stop() {
      subscribers.clear();
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
};
