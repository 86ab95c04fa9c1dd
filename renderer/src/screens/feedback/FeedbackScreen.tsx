import type { Feedback } from '@protocol/records.ts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommit } from '../../store/useCommit.ts';
import { Button } from '../../ui/Button.tsx';
import { Confirmation } from '../../ui/Confirmation.tsx';
import { Screen } from '../../ui/Screen.tsx';
import { FaceScale, faces } from './FaceScale.tsx';
import { checkFeedback, COMMENT_MAX, type FeedbackDraft, type Rating } from './feedback-draft.ts';
import './feedback.css';
import { Icon } from '../../ui/icons/Icon.tsx';

/**
 * "How was your visit?": one face is enough, a comment is optional, and nothing about the resident is asked,
 * so an honest "not satisfied" costs them nothing.
 */
export default function FeedbackScreen() {
  const { t } = useTranslation('feedback');
  const id = useId();
  const [draft, setDraft] = useState<FeedbackDraft>({ rating: undefined, comment: '' });
  const [shownErrors, setShownErrors] = useState(false);
  const [done, setDone] = useState<Feedback>();
  const { commit, error, saving } = useCommit('feedback');

  const errors = shownErrors ? (checkFeedback(draft).errors ?? {}) : {};
  const submit = async () => {
    const { record } = checkFeedback(draft);
    if (!record) {
      setShownErrors(true);
      return;
    }
    const saved = await commit(() => record);
    if (saved) setDone(saved);
  };

  if (done) {
    const title = t('done.title');
    const rating = t('done.rating', { label: t(`faces.${done.rating}`) });
    return (
      <Confirmation title={title} speech={[title, rating, done.comment ? t('done.comment') : '', t('done.next')].filter(Boolean).join('。')}>
        <div className="card feedback-done">
          <span className="feedback-done__face" aria-hidden="true"><Icon emoji={faces[done.rating as Rating]} /></span>
          <div className="feedback-done__text">
            <p className="feedback-done__rating">{rating}</p>
            {done.comment ? <p>{t('done.comment')}</p> : null}
            <p className="screen__lead">{t('done.next')}</p>
          </div>
        </div>
      </Confirmation>
    );
  }

  return (
    <Screen
      title={t('title')}
      lead={t('question')}
      speech={[t('title'), t('question'), t('anonymous')].join('。')}
      actions={
        <>
          <p className="ok-banner feedback-anonymous">
            <span aria-hidden="true"><Icon emoji="🔒" /></span>
            {t('anonymous')}
          </p>
          {/* Disabled while saving: a quick second tap on send must not send the feedback twice. */}
          <Button variant="primary" large disabled={saving} onClick={() => void submit()}>{t('submit')}</Button>
        </>
      }
    >
      {error ? <p className="error-banner" role="alert">{t(`common:${error}`)}</p> : null}
      <FaceScale
        label={t('question')}
        value={draft.rating}
        onChange={(rating) => setDraft({ ...draft, rating })}
        errorId={errors.rating ? `${id}-rating-error` : undefined}
      />
      {errors.rating ? <p id={`${id}-rating-error`} className="field__error feedback-error" role="alert">{t(errors.rating)}</p> : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>{t('comment.label')}</label>
        <textarea
          id={`${id}-comment`}
          className="field__input feedback-comment"
          value={draft.comment}
          maxLength={COMMENT_MAX}
          rows={3}
          autoComplete="off"
          aria-describedby={`${id}-count`}
          aria-invalid={errors.comment ? true : undefined}
          onChange={(e) => setDraft({ ...draft, comment: e.target.value })}
        />
        <div className="feedback-comment__foot">
          <span className="muted">{t('comment.hint')}</span>
          <span id={`${id}-count`} className="muted feedback-comment__count">{t('comment.count', { length: draft.comment.length, max: COMMENT_MAX })}</span>
        </div>
        {errors.comment ? <span className="field__error" role="alert">{t(errors.comment, { max: COMMENT_MAX })}</span> : null}
      </div>
    </Screen>
  );
}
