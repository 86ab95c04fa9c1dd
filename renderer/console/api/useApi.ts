import type { ConsoleResponse } from '@protocol/console/routes.ts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallInput, JsonRouteName } from './client.ts';
import { useClient } from './ApiProvider.tsx';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer (or failure); a reload keeps showing what is there. */
  loading: boolean;
  reload(): void;
}

/**
 * Reads one route and keeps its answer: again whenever the input changes (compared by value) or reload() is
 * called; a reload keeps the last answer on screen until the new one comes, so a live refresh never blanks the
 * page. `input` (plain JSON) null: nothing to read yet. An answer that arrives after the input changed is dropped.
 */
export function useApi<K extends JsonRouteName>(name: K, input: Omit<CallInput<K>, 'signal'> | null): ApiState<ConsoleResponse<K>> {
  const client = useClient();
  const key = input === null ? null : JSON.stringify([name, input]);
  const [state, setState] = useState<{ key: string | null; data: ConsoleResponse<K> | undefined; error: unknown; loaded: boolean }>({
    key: null,
    data: undefined,
    error: undefined,
    loaded: false,
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (key === null) return;
    // The input as the key holds it: plain JSON (params, query, body), so nothing is lost on the way.
    const [, current] = JSON.parse(key) as [K, Omit<CallInput<K>, 'signal'>];
    const controller = new AbortController();
    client
      .call(name, { ...current, signal: controller.signal } as CallInput<K>)
      .then((data) => setState({ key, data, error: undefined, loaded: true }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((before) => ({ key, data: before.key === key ? before.data : undefined, error, loaded: true }));
      });
    return () => controller.abort();
  }, [client, name, key, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const sameKey = state.key === key;
  const data = sameKey ? state.data : undefined;
  const error = sameKey ? state.error : undefined;
  const loading = key !== null && !(sameKey && state.loaded);
  return useMemo(() => ({ data, error, loading, reload }), [data, error, loading, reload]);
}
