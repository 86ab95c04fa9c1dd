import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageReading } from '../../../../sync/client/storage-trend.ts';
import { createI18n, type Language } from '../../i18n/index.ts';
import { ClockWarning } from './ClockWarning.tsx';
import { StorageUse } from './StorageUse.tsx';

afterEach(cleanup);

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const show = (storage: StorageReading | null, language: Language = 'zh-CN') =>
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <StorageUse storage={storage} />
    </I18nextProvider>,
  );
const row = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe('StorageUse', () => {
  it('shows the storage used against what the browser allows, and how much it grows a day', () => {
    show({ used: 48 * MiB, quota: 2 * GiB, growthPerDay: 230 * 1024 });
    expect(row('本机数据用量 / 可用上限')).toBe('48.0 MiB / 2.0 GiB');
    expect(row('增长趋势')).toBe('每天 +230 KiB');
    expect(row('按此速度存满还需')).toBe('8904 天');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when the storage fills up within three months at its growth', () => {
    show({ used: 900 * MiB, quota: GiB, growthPerDay: 2 * MiB }, 'en');
    expect(row('Full at this rate in')).toBe('62 days');
    expect(screen.getByRole('alert').textContent).toContain('about 62 days');
  });

  it('counts the days in the plural of the language: one day, not "1 days"', () => {
    show({ used: 1020 * MiB, quota: GiB, growthPerDay: 3 * MiB }, 'en');
    expect(row('Full at this rate in')).toBe('1 day');
    expect(screen.getByRole('alert').textContent).toContain('about 1 day.');
    cleanup();
    show({ used: 1020 * MiB, quota: GiB, growthPerDay: 3 * MiB });
    expect(row('按此速度存满还需')).toBe('1 天');
  });

  it('says a shrinking or flat store as it is, and waits for a day of samples before a trend', () => {
    show({ used: 40 * MiB, quota: GiB, growthPerDay: -512 * 1024 });
    expect(row('增长趋势')).toBe('每天 -512 KiB');
    expect(screen.queryByText('按此速度存满还需')).toBeNull();
    cleanup();
    show({ used: 40 * MiB, quota: GiB, growthPerDay: 0 });
    expect(row('增长趋势')).toBe('持平');
    cleanup();
    show({ used: 40 * MiB, quota: null, growthPerDay: null });
    expect(row('本机数据用量 / 可用上限')).toBe('40.0 MiB');
    expect(row('增长趋势')).toBe('记录满一天后显示');
    cleanup();
    show(null);
    expect(row('本机数据用量 / 可用上限')).toBe('—');
  });
});

describe('ClockWarning', () => {
  const warn = (offsetMs: number | null, language: Language = 'zh-CN') =>
    render(
      <I18nextProvider i18n={createI18n(language)}>
        <ClockWarning offsetMs={offsetMs} />
      </I18nextProvider>,
    );

  it('stays silent within the flag threshold and before any measurement', () => {
    warn(null);
    warn(4 * 60_000);
    warn(-5 * 60_000);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns past the threshold, saying which way and by how much', () => {
    warn(12 * 3_600_000);
    expect(screen.getByRole('alert').textContent).toContain('快了约 12 小时');
    cleanup();
    warn(-6 * 60_000, 'en');
    expect(screen.getByRole('alert').textContent).toContain('about 6 minutes behind');
    cleanup();
    warn(-26 * 365 * 86_400_000);
    expect(screen.getByRole('alert').textContent).toContain('慢了约 9490 天');
  });
});
