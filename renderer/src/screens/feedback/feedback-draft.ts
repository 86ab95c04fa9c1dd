import { feedbackSchema } from '@protocol/records.ts';
import type { Draft } from '../../store/commit.ts';

export const ratings = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof ratings)[number];

/** Read from the record schema, so the text box and the record can never disagree about the limit. */
export const COMMENT_MAX = feedbackSchema.shape.comment.unwrap().maxLength ?? 500;

export interface FeedbackDraft {
  rating: Rating | undefined;
  comment: string;
}

/** Message keys in the feedback namespace. */
export interface FeedbackErrors {
  rating?: string;
  comment?: string;
}

export type FeedbackCheck = { record: Draft<'feedback'>; errors?: undefined } | { record?: undefined; errors: FeedbackErrors };

/**
 * A face is the feedback; the comment is an extra that may be left empty. Surrounding spaces are dropped, and
 * a comment of only spaces is no comment at all.
 */
export const checkFeedback = ({ rating, comment }: FeedbackDraft): FeedbackCheck => {
  const trimmed = comment.trim();
  const errors: FeedbackErrors = {
    ...(rating === undefined ? { rating: 'errors.rating' } : {}),
    ...(trimmed.length > COMMENT_MAX ? { comment: 'errors.commentLong' } : {}),
  };
  if (rating === undefined || errors.comment) return { errors };
  return { record: { kind: 'feedback', rating, ...(trimmed ? { comment: trimmed } : {}) } };
};
