import { DEFAULT_PASSWORD_COST, type PasswordCost } from './passwords.ts';

/**
 * The console's session and login policy. Defaults for a community office; tests shorten them.
 */
export interface ConsolePolicy {
  /** scrypt's cost for new password hashes (and for the stand-in hash an unknown login name is checked against). */
  passwordCost: PasswordCost;
  /** A session ends after this long without a request. */
  idleMs: number;
  /** …and this long after login, whatever happens. */
  absoluteMs: number;
  /** A session's idle expiry is pushed on at most this often (one write per minute, not one per request). */
  touchEveryMs: number;
  /** Failed logins of one name in `lockWindowMs` before the name is locked for `lockMs`. */
  maxFailures: number;
  lockWindowMs: number;
  lockMs: number;
  /** Login attempts per client address per window (any name). */
  loginPerAddress: number;
  loginAddressWindowMs: number;
  /** How often the live stream looks for request changes in the database. */
  livePollMs: number;
  /** A comment on the live stream this often keeps proxies from closing it. */
  liveKeepAliveMs: number;
}

const MINUTE = 60_000;

export const defaultConsolePolicy: ConsolePolicy = {
  passwordCost: DEFAULT_PASSWORD_COST,
  idleMs: 8 * 60 * MINUTE,
  absoluteMs: 7 * 24 * 60 * MINUTE,
  touchEveryMs: MINUTE,
  maxFailures: 5,
  lockWindowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  loginPerAddress: 30,
  loginAddressWindowMs: 15 * MINUTE,
  livePollMs: 1000,
  liveKeepAliveMs: 20_000,
};
