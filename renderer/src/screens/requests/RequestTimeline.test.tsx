import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import type { RequestProgress } from './find-request.ts';
import { RequestTimeline } from './RequestTimeline.tsx';

// Five past midnight at the station (Asia/Shanghai), the next morning at nine.
const progress = {
  request: {},
  status: 'accepted',
  reached: [
    { status: 'submitted', at: '2026-12-06T16:05:00.000Z' },
    { status: 'accepted', at: '2026-12-07T01:00:00.000Z' },
  ],
  ahead: ['in_progress', 'resolved'],
} as unknown as RequestProgress;

describe('a request’s timeline', () => {
  it.each([
    ['en', 'December 7 at 00:05', 'December 7 at 09:00'],
    ['zh-CN', '12月7日 00:05', '12月7日 09:00'],
  ])('says each step’s time on the station’s 24-hour clock in %s, midnight as 00', (language, submitted, accepted) => {
    render(
      <I18nextProvider i18n={createI18n(language as 'en' | 'zh-CN')}>
        <RequestTimeline progress={progress} />
      </I18nextProvider>,
    );
    const times = screen.getAllByRole('listitem').flatMap((item) => [...item.querySelectorAll('time')].map((time) => time.textContent));
    expect(times).toEqual([submitted, accepted]);
  });
});
