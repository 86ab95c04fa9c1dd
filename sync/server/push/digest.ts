import { createHash } from 'node:crypto';

/** JSON with every object's keys in sorted order, so equal values give equal text whatever order they were built in. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
};

/**
 * The fingerprint of a validated record's content, kept beside it: a record pushed again with the same id is a
 * duplicate when the fingerprints match and a conflict when they do not, even after retention has stripped the
 * stored payload's personal fields.
 */
export const recordDigest = (record: unknown): string => createHash('sha256').update(canonicalJson(record)).digest('base64url');
