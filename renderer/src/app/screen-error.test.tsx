import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import { createI18n } from '../i18n/index.ts';
import type { YizhanDb } from '../store/db.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { SyncProvider } from '../sync/SyncProvider.tsx';
import { Kiosk } from './Kiosk.tsx';

/** A screen that always fails as it renders, counting how often it was tried. */
const broken = vi.hoisted(() => ({ renders: 0 }));
vi.mock('../screens/feedback/FeedbackScreen.tsx', () => ({
  default: function FeedbackScreen(): never {
    broken.renders += 1;
    throw new Error('the feedback screen is broken');
  },
}));

let db: YizhanDb;
beforeEach(async () => {
  db = await freshDb();
  broken.renders = 0;
  // React reports the caught error, and so does the boundary: expected here, noise in the output.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
});

describe('a screen that fails', () => {
  it('shows a calm note, and its home button goes home without trying the broken screen again', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n()}>
        <StoreProvider db={db} fallback={<p>loading</p>}>
          <SyncProvider db={db} appVersion="test">
            <Kiosk />
          </SyncProvider>
        </StoreProvider>
      </I18nextProvider>,
    );
    await user.click(await screen.findByRole('button', { name: /^意见建议/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这一页暂时打不开');
    const tries = broken.renders;
    expect(tries).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: '首页' }));
    expect(await screen.findByRole('heading', { name: /欢迎来到/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(broken.renders).toBe(tries);
  });
});
