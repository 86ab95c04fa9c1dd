import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { createI18n, type Language } from '../i18n/index.ts';
import type { YizhanDb } from './db.ts';
import { StoreProvider } from './StoreProvider.tsx';
import { useCommit } from './useCommit.ts';

let db: YizhanDb | undefined;
afterEach(async () => {
  await db?.delete();
});

/** A screen's use of the hook, as the check-in, request and feedback screens show its error. */
function Writer({ consentAt }: { consentAt: string }) {
  const { t } = useTranslation();
  const { commit, error } = useCommit('visit');
  return (
    <>
      <button type="button" onClick={() => void commit(() => ({ kind: 'visit', who: 'resident', purpose: 'health', contact: { name: '王阿姨', consentAt } }))}>save</button>
      {error ? <p role="alert">{t(`common:${error}`)}</p> : null}
    </>
  );
}

// Schema-valid, and heavier than any record may be: the schemas bound every field but a timestamp's fraction.
const HEAVY = `2026-11-27T10:00:00.${'1'.repeat(40_000)}+08:00`;

const renderWriter = async (consentAt: string, language: Language) => {
  db = await freshDb();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StoreProvider db={db} fallback={<p>loading</p>}>
        <Writer consentAt={consentAt} />
      </StoreProvider>
    </I18nextProvider>,
  );
  await userEvent.setup().click(await screen.findByRole('button', { name: 'save' }));
  return db;
};

describe('useCommit', () => {
  it('says plainly, in the resident\'s language, that a record too large to send was not saved', async () => {
    const written = await renderWriter(HEAVY, 'zh-CN');
    expect(await screen.findByRole('alert')).toHaveTextContent('内容太长，这次没有保存');
    expect(await written.outbox.count()).toBe(0);
  });

  it('says it in English too', async () => {
    await renderWriter(HEAVY, 'en');
    expect(await screen.findByRole('alert')).toHaveTextContent('too long to save');
  });
});
