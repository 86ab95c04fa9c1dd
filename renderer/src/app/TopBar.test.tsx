import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordingSpeech, renderScreen } from '../../../tests/support/render-screen.tsx';
import { TopBar } from './TopBar.tsx';

describe('TopBar', () => {
  it('reads the current screen\'s main text aloud', async () => {
    const speech = recordingSpeech(true);
    const { user } = await renderScreen({ screen: 'home', params: undefined }, { speech, extra: <TopBar onReadAloudUnavailable={() => undefined} /> });
    await screen.findByRole('heading', { name: /欢迎来到/ });
    await user.click(screen.getByRole('button', { name: '朗读' }));
    expect(speech.spoken[0]).toMatch(/^欢迎来到幸福里社区红色驿站。请点下面的大按钮/);
    expect(speech.spoken[0]).toContain('生活缴费');
  });

  it('stays quiet and tells the resident when there is no Chinese voice', async () => {
    const speech = recordingSpeech(false);
    const unavailable = vi.fn();
    const { user } = await renderScreen({ screen: 'home', params: undefined }, { speech, extra: <TopBar onReadAloudUnavailable={unavailable} /> });
    await user.click(await screen.findByRole('button', { name: '朗读' }));
    expect(speech.spoken).toEqual([]);
    expect(unavailable).toHaveBeenCalledOnce();
  });

  it('switches language and elderly mode', async () => {
    const { user } = await renderScreen({ screen: 'home', params: undefined }, { extra: <TopBar onReadAloudUnavailable={() => undefined} /> });
    await user.click(await screen.findByRole('button', { name: '长辈模式' }));
    expect(screen.getByRole('button', { name: '长辈模式' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(document.documentElement.dataset.elderly).toBe('true'));
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: /Welcome to/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
