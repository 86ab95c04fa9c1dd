import type { Session } from '@protocol/console/session.ts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from '../api/ApiProvider.tsx';
import { isApiError } from '../api/errors.ts';

/**
 * Who is signed in. The session itself is the server's (an HttpOnly cookie backed by the database); the console
 * asks GET /session at start and keeps what it answers, with its CSRF token. A 401 on any later call means
 * the session ended (idle, expired, logged out elsewhere, the account disabled): the console asks to sign in
 * again and says why.
 */
export type SessionState =
  | { phase: 'checking' }
  | { phase: 'unreachable'; retry: () => void }
  | { phase: 'signed-out'; reason: 'none' | 'expired' | 'logged-out' }
  | { phase: 'signed-in'; session: Session };

interface SessionValue {
  state: SessionState;
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every session of the account, this one too. */
  signOutEverywhere(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<SessionState>({ phase: 'checking' });
  const [attempt, setAttempt] = useState(0);

  const begin = useCallback(
    (session: Session) => {
      client.setCsrfToken(session.csrfToken);
      setState({ phase: 'signed-in', session });
    },
    [client],
  );
  const end = useCallback(
    (reason: 'none' | 'expired' | 'logged-out') => {
      client.setCsrfToken(null);
      setState({ phase: 'signed-out', reason });
    },
    [client],
  );

  useEffect(() => {
    const controller = new AbortController();
    client
      .call('session', { signal: controller.signal })
      .then(begin)
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error, 'unauthorized')) end('none');
        else setState({ phase: 'unreachable', retry: () => setAttempt((n) => n + 1) });
      });
    return () => controller.abort();
  }, [client, begin, end, attempt]);

  const phase = useRef(state.phase);
  useEffect(() => {
    phase.current = state.phase;
  }, [state.phase]);
  useEffect(
    () =>
      client.onSessionLost(() => {
        if (phase.current === 'signed-in') end('expired');
      }),
    [client, end],
  );

  const value = useMemo<SessionValue>(
    () => ({
      state,
      signIn: async (login, password) => begin(await client.call('login', { body: { login, password } })),
      signOut: async () => {
        try {
          await client.call('logout', {});
        } finally {
          end('logged-out');
        }
      },
      signOutEverywhere: async () => {
        await client.call('logoutEverywhere', {});
        end('logged-out');
      },
    }),
    [state, client, begin, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSessionState = (): SessionValue => {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
};

/** The signed-in session; only inside the signed-in console. */
export const useSession = (): Session => {
  const { state } = useSessionState();
  if (state.phase !== 'signed-in') throw new Error('useSession while not signed in');
  return state.session;
};
