import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderKiosk } from '../../../tests/support/render-kiosk.tsx';
import { freshDb } from '../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../store/db.ts';

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
    const user = renderKiosk(db);
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
