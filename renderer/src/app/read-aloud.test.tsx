import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadAloudProvider, useReadAloudControl, useScreenSpeech } from './read-aloud.tsx';

/** The browser's speech engine as far as the kiosk uses it; its voice list can change later, as in Chromium. */
const fakeSynth = () => {
  let voices: { lang: string }[] = [];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => voices,
    speak: vi.fn(),
    cancel: vi.fn(),
  });
  const voicesArrive = (list: { lang: string }[]) => {
    voices = list;
    synth.dispatchEvent(new Event('voiceschanged'));
  };
  return { synth, voicesArrive };
};

// Called on each render (React's Profiler misses renders caused by a context, which are the ones that matter here).
const barRendered = vi.fn();
const screenRendered = vi.fn();
const renders = () => ({ bar: barRendered.mock.calls.length, screen: screenRendered.mock.calls.length });
function Bar() {
  barRendered();
  const { available, readNow } = useReadAloudControl();
  return <button type="button" onClick={readNow}>{available ? 'read' : 'no voice'}</button>;
}
function Page() {
  screenRendered();
  useScreenSpeech('欢迎');
  return null;
}

let synth: ReturnType<typeof fakeSynth>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
  synth = fakeSynth();
  vi.stubGlobal('speechSynthesis', synth.synth);
  vi.stubGlobal('SpeechSynthesisUtterance', class {
    constructor(readonly text: string) {}
  });
});
afterEach(() => {
  barRendered.mockClear();
  screenRendered.mockClear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ReadAloudProvider with the browser\'s own speech', () => {
  it('lets a sentence finish: nothing stops it or re-renders while the kiosk stands still', async () => {
    synth.voicesArrive([{ lang: 'zh-CN' }]);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <ReadAloudProvider language="zh-CN">
        <Bar />
        <Page />
      </ReadAloudProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'read' }));
    expect(synth.synth.speak).toHaveBeenCalledOnce();
    const cancelled = synth.synth.cancel.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(synth.synth.cancel).toHaveBeenCalledTimes(cancelled);
    expect(renders()).toEqual({ bar: 1, screen: 1 });
  });

  it('notices the voices arriving late, without re-rendering the screen that only names its text', async () => {
    render(
      <ReadAloudProvider language="zh-CN">
        <Bar />
        <Page />
      </ReadAloudProvider>,
    );
    expect(screen.getByRole('button')).toHaveTextContent('no voice');
    act(() => synth.voicesArrive([{ lang: 'zh-CN' }]));
    expect(screen.getByRole('button')).toHaveTextContent('read');
    expect(renders()).toEqual({ bar: 2, screen: 1 });
  });
});
