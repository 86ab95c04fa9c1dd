import { useState } from 'react';

/**
 * "Load more" under a paged list: the pages after the first, read by the previous answer's cursor. A new first
 * page (other filters, a live refresh) starts the list over, so stale later pages never sit under fresh ones.
 */
export const useMorePages = <Page extends { nextCursor: string | null }, Item>(first: Page | undefined, itemsOf: (page: Page) => Item[], fetchPage: (cursor: string) => Promise<Page>) => {
  const [more, setMore] = useState<{ after: Page; items: Item[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = more && first && more.after === first ? more : null;
  const nextCursor = current ? current.nextCursor : (first?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor || !first) return;
    setError(null);
    try {
      const page = await fetchPage(nextCursor);
      setMore({ after: first, items: [...(current?.items ?? []), ...itemsOf(page)], nextCursor: page.nextCursor });
    } catch (failure) {
      setError(failure);
    }
  };
  return { items: [...(first ? itemsOf(first) : []), ...(current?.items ?? [])], nextCursor, loadMore, error };
};
