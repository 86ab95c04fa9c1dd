import { feedbackSchema } from '@protocol/records.ts';
import { describe, expect, it } from 'vitest';
import { checkFeedback, COMMENT_MAX } from './feedback-draft.ts';

describe('checkFeedback', () => {
  it('needs a face', () => {
    expect(checkFeedback({ rating: undefined, comment: '很好' })).toEqual({ errors: { rating: 'errors.rating' } });
  });

  it('takes a face alone, with no comment field at all', () => {
    const { record } = checkFeedback({ rating: 3, comment: '' });
    expect(record).toEqual({ kind: 'feedback', rating: 3 });
    expect(record && 'comment' in record).toBe(false);
  });

  it('trims the comment and drops one that is only spaces', () => {
    expect(checkFeedback({ rating: 5, comment: '  谢谢志愿者  \n' }).record).toEqual({ kind: 'feedback', rating: 5, comment: '谢谢志愿者' });
    expect(checkFeedback({ rating: 2, comment: ' \n\t ' }).record).toEqual({ kind: 'feedback', rating: 2 });
  });

  it('follows the record schema on length: the limit counts what is kept after trimming', () => {
    expect(COMMENT_MAX).toBe(500);
    const longest = `  ${'好'.repeat(COMMENT_MAX)}  `;
    expect(checkFeedback({ rating: 4, comment: longest }).record?.comment).toHaveLength(COMMENT_MAX);
    expect(checkFeedback({ rating: 4, comment: '好'.repeat(COMMENT_MAX + 1) })).toEqual({ errors: { comment: 'errors.commentLong' } });
    expect(feedbackSchema.shape.comment.safeParse('好'.repeat(COMMENT_MAX + 1)).success).toBe(false);
  });

  it('reports both problems at once', () => {
    expect(checkFeedback({ rating: undefined, comment: '好'.repeat(COMMENT_MAX + 1) }).errors).toEqual({ rating: 'errors.rating', comment: 'errors.commentLong' });
  });
});
