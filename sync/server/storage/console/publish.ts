import type { CentreChange, CentreItemRow } from './types.ts';

/**
 * How a console publish decides, the same on both engines: each change against the item as it is (its version,
 * whether it is live), and the id against the other scopes a station reads. Storage reads, this decides, storage
 * writes, in one transaction.
 */
export interface ExistingEntry {
  value: string | null;
  deleted: boolean;
  seq: number;
  updatedAt: string;
}

export type ChangeDecision =
  | { kind: 'write'; change: CentreChange; value: string | null; before: unknown }
  | { kind: 'unchanged'; change: CentreChange; item: CentreItemRow }
  /** A withdrawal of something not published: nothing to do. */
  | { kind: 'skip' }
  | { kind: 'conflict'; reason: string };

export const decideChange = (scope: string, change: CentreChange, existing: ExistingEntry | undefined, clash: string | undefined): ChangeDecision => {
  const live = existing !== undefined && !existing.deleted;
  const name = `${change.collection}/${change.id}`;
  if (change.expectedVersion === null && live) return { kind: 'conflict', reason: `${name} already exists in ${scope}` };
  if (typeof change.expectedVersion === 'number' && (!live || existing.seq !== change.expectedVersion)) {
    return { kind: 'conflict', reason: `${name} changed since version ${change.expectedVersion}` };
  }
  const before = live ? (JSON.parse(existing.value ?? 'null') as unknown) : null;
  if (change.value === null) return live ? { kind: 'write', change, value: null, before } : { kind: 'skip' };
  if (clash !== undefined) return { kind: 'conflict', reason: `${name} is already published in scope ${clash}` };
  const value = JSON.stringify(change.value);
  if (live && existing.value === value) {
    return { kind: 'unchanged', change, item: { collection: change.collection, scope, id: change.id, version: existing.seq, updatedAt: existing.updatedAt, value: change.value } };
  }
  return { kind: 'write', change, value, before };
};
