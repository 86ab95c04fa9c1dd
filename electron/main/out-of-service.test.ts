// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OUT_OF_SERVICE_URL, outOfServiceHtml, outOfServicePage } from './out-of-service.ts';

describe('the out-of-service page', () => {
  it('asks, in Chinese and English, to find the volunteer, and says the kiosk is recovering', () => {
    expect(outOfServiceHtml).toContain('请找值班志愿者');
    expect(outOfServiceHtml).toContain('Please ask the volunteer on duty');
    expect(outOfServiceHtml).toContain('自动恢复');
    expect(outOfServiceHtml).toMatch(/<html lang="zh-CN">/);
  });

  it('needs nothing from anywhere: no script, no link, no image, no URL', () => {
    expect(outOfServiceHtml).not.toMatch(/<script|<link|<img|<iframe|url\(|https?:|@import/i);
    expect(outOfServicePage.csp).toContain("default-src 'none'");
    expect(outOfServicePage.csp).not.toMatch(/script-src|unsafe/);
  });

  it('allows its one inline style by hash', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(outOfServiceHtml)?.[1] ?? '';
    expect(outOfServicePage.csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('lives on its own origin, out of reach of the app’s service worker', () => {
    expect(new URL(OUT_OF_SERVICE_URL).host).toBe('service');
  });
});
