import type { Referral } from '@protocol/records.ts';
import { useCallback } from 'react';
import type { Draft } from '../../store/commit.ts';
import { useCommit } from '../../store/useCommit.ts';

/** The day's counter as the volunteer calls it out: 7 → A007. */
export const queueNumber = (counter: number): string => `A${String(counter).padStart(3, '0')}`;

/** A007 → "A 0 0 7", so read-aloud says it character by character instead of as a word and a number. */
export const spokenQueueNumber = (queueNo: string): string => queueNo.split('').join(' ');

/** What a screen knows about the referral; the queue number is allocated when it is written. */
export type ReferralDraft = Omit<Draft<'referral'>, 'kind' | 'queueNo'>;

/**
 * Every "ask the volunteer on duty" (a service, a bill) ends here: the referral and its queue number are written
 * in one transaction, so two residents can never be given the same number, and a failed write uses none.
 * Resolves with the referral once on disk, or with undefined after setting `error` to a `common` message key.
 */
export const useReferral = () => {
  const { commit, error, saving } = useCommit('referral');
  const refer = useCallback(
    (draft: ReferralDraft): Promise<Referral | undefined> =>
      commit(async (ctx) => ({ ...draft, kind: 'referral', queueNo: queueNumber(await ctx.nextInDay('queue')) })),
    [commit],
  );
  return { refer, error, saving };
};
