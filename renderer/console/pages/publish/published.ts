import type { CentreValue } from '@protocol/centre.ts';
import type { PublishableCollection, PublishedItem, PublishPutRequest } from '@protocol/console/publish.ts';
import { useClient } from '../../api/ApiProvider.tsx';
import { useApi } from '../../api/useApi.ts';
import { valuesOf } from '../../app/directory.ts';

export type ItemOf<C extends PublishableCollection> = Extract<PublishedItem, { collection: C }>;

/** One collection's published items the staff member may see (in one scope, or all of theirs). */
export const usePublished = <C extends PublishableCollection>(collection: C, scope?: string) => {
  const list = useApi('listPublished', { query: { collection, ...(scope ? { scope } : {}) } });
  return { items: valuesOf(list.data?.items, collection), loading: list.loading, error: list.error, reload: list.reload, loaded: list.data !== undefined };
};

/**
 * Publishing one item: a create (expectedVersion null) or a change of the version it was read at; and withdrawing
 * one. Stations get either on their next pull.
 */
export const usePublish = () => {
  const client = useClient();
  return {
    put: <C extends PublishableCollection>(collection: C, scope: string, value: CentreValue<C>, expectedVersion: number | null) =>
      client.call('putPublished', { body: { collection, scope, value, expectedVersion } as PublishPutRequest }),
    withdraw: (item: PublishedItem) => client.call('withdrawPublished', { body: { collection: item.collection, scope: item.scope, id: item.id, expectedVersion: item.version } }),
  };
};
