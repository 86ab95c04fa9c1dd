import { describe, expect, it } from 'vitest';
import { type Kiosk, openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

interface FeedbackRow { id: string; kind: string; rating: number; comment?: string; stationId: string }
interface AmenityUseRow { id: string; kind: string; amenityId: string; action: string; [field: string]: unknown }
interface OutboxRow { id: string; kind: string; seq: number }

/** The numbers in one amenity's card: today's uses, or lent / returned / still out for a lendable one. */
const stats = (k: Kiosk, name: RegExp) => k.page.getByRole('listitem', { name }).getByRole('definition').allTextContents();

const goHome = async (k: Kiosk) => {
  await k.page.getByRole('button', { name: /^(首页|Home)$/ }).tap();
  await k.page.getByRole('navigation').waitFor();
};

describe('feedback and amenities', () => {
  it('asks for a face first, then sends a face with a trimmed comment and goes home', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap(/^意见建议/);
    await page.getByRole('radiogroup', { name: /您满意吗/ }).waitFor();
    expect(await page.getByRole('radio').allTextContents()).toEqual(['很不满意', '不太满意', '一般', '满意', '非常满意']);
    // The faces are pictures shipped with the app: every one loaded, whatever fonts the tablet has.
    expect(await page.getByRole('radio').locator('img.icon').evaluateAll((images) => images.map((i) => (i as HTMLImageElement).naturalWidth > 0))).toEqual([true, true, true, true, true]);
    await k.state('feedback');
    await k.axe('feedback');

    await k.tap('提交评价');
    await page.getByRole('alert').filter({ hasText: '请先点一个表情' }).waitFor();
    await k.state('feedback-rating-required');
    await k.axe('feedback-rating-required');
    expect(await k.rows('feedback')).toHaveLength(0);
    expect(await k.rows('outbox')).toHaveLength(0);

    await k.tap(/^满意$/, 'radio');
    await page.getByLabel(/还有什么想说的/).fill('  周末能不能多开一会儿？  ');
    await page.getByText('15/500 字').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await k.state('feedback-filled');
    await k.axe('feedback-filled');

    await k.tap('提交评价');
    await page.getByRole('status').filter({ hasText: '谢谢您的评价' }).waitFor();
    await page.getByText('您的评价：满意').waitFor();
    await k.state('feedback-done');
    await k.axe('feedback-done');

    const feedback = await k.rows<FeedbackRow>('feedback');
    expect(feedback).toEqual([expect.objectContaining({ kind: 'feedback', rating: 4, comment: '周末能不能多开一会儿？', stationId: 'demo-station' })]);
    expect(await k.rows<OutboxRow>('outbox')).toEqual([expect.objectContaining({ id: feedback[0]?.id, kind: 'feedback', seq: 1 })]);

    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('sends a face alone, in English', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('English');
    await k.tap(/^Feedback/);
    await k.tap('Very happy', 'radio');
    await k.state('feedback-en');
    await k.axe('feedback-en');
    await k.tap('Send feedback');
    await page.getByRole('status').filter({ hasText: 'Thank you for your feedback!' }).waitFor();
    await page.getByText('You said: Very happy').waitFor();
    await k.state('feedback-done-en');
    await k.axe('feedback-done-en');

    const [row] = await k.rows<FeedbackRow>('feedback');
    expect(row).toMatchObject({ rating: 5 });
    expect(row && 'comment' in row).toBe(false);
    expect(await k.rows<OutboxRow>('outbox')).toEqual([expect.objectContaining({ id: row?.id, kind: 'feedback' })]);
    await k.tap(/^Done/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });

  it('tallies a use and a loan with one tap each, ignores a double tap, and stays on the screen', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap(/^便民设施/);
    await page.getByRole('heading', { level: 2, name: '热水' }).waitFor();
    expect(await stats(k, /^热水/)).toEqual(['0']);
    expect(await stats(k, /^爱心雨伞/)).toEqual(['0', '0', '0']);
    await k.state('amenities');
    await k.axe('amenities');

    const hotWater = page.getByRole('button', { name: '我用了（热水）' });
    await hotWater.tap();
    // A second finger-fall straight after the first, without waiting for the press animation to settle.
    await hotWater.tap({ force: true });
    await page.getByRole('listitem', { name: /^热水/ }).getByRole('status').filter({ hasText: '已记录，谢谢！' }).waitFor();
    await expect.poll(() => stats(k, /^热水/)).toEqual(['1']);

    await page.getByRole('button', { name: '借用（爱心雨伞）' }).tap();
    await page.getByRole('listitem', { name: /^爱心雨伞/ }).getByRole('status').filter({ hasText: '已记录借用' }).waitFor();
    await expect.poll(() => stats(k, /^爱心雨伞/)).toEqual(['1', '0', '1']);
    await k.state('amenities-recorded');
    await k.axe('amenities-recorded');

    const glassesBack = page.getByRole('button', { name: '归还（老花镜）' });
    await glassesBack.tap();
    await expect.poll(() => stats(k, /^老花镜/)).toEqual(['0', '1', '0']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('便民设施');

    const uses = await k.rows<AmenityUseRow>('amenityUses');
    expect(uses.map((u) => [u.amenityId, u.action])).toEqual([
      ['hot-water', 'use'],
      ['umbrellas', 'lend'],
      ['reading-glasses', 'return'],
    ]);
    for (const use of uses) expect(Object.keys(use).sort()).toEqual(['action', 'amenityId', 'at', 'day', 'id', 'kind', 'stationId', 'v']);
    const outbox = await k.rows<OutboxRow>('outbox');
    expect(outbox.map((o) => [o.kind, o.id, o.seq])).toEqual(uses.map((u, i) => ['amenity-use', u.id, i + 1]));

    await goHome(k);
    await k.close();
  });

  it('works in elderly mode: large type on both screens, a loan returned and a face sent', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await k.tap('长辈模式');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.elderly)).toBe('true');
    await k.tap(/^便民设施/);
    await page.getByRole('heading', { level: 2, name: '热水' }).waitFor();
    await page.getByRole('button', { name: '借用（爱心雨伞）' }).tap();
    await expect.poll(() => stats(k, /^爱心雨伞/)).toEqual(['1', '0', '1']);
    await page.getByRole('button', { name: '归还（爱心雨伞）' }).tap();
    await page.getByRole('listitem', { name: /^爱心雨伞/ }).getByRole('status').filter({ hasText: '已记录归还' }).waitFor();
    await expect.poll(() => stats(k, /^爱心雨伞/)).toEqual(['1', '1', '0']);
    await page.getByRole('listitem', { name: /^爱心雨伞/ }).scrollIntoViewIfNeeded();
    await k.state('amenities-elderly');
    await k.axe('amenities-elderly');
    expect((await k.rows<AmenityUseRow>('amenityUses')).map((u) => u.action)).toEqual(['lend', 'return']);
    await goHome(k);

    await k.tap(/^意见建议/);
    await k.tap('一般', 'radio');
    await k.state('feedback-elderly');
    await k.axe('feedback-elderly');
    await k.tap('提交评价');
    await page.getByRole('status').filter({ hasText: '谢谢您的评价' }).waitFor();
    await k.state('feedback-done-elderly');
    await k.axe('feedback-done-elderly');
    expect(await k.rows<FeedbackRow>('feedback')).toEqual([expect.objectContaining({ rating: 3 })]);
    expect((await k.rows<OutboxRow>('outbox')).map((o) => [o.kind, o.seq])).toEqual([
      ['amenity-use', 1],
      ['amenity-use', 2],
      ['feedback', 3],
    ]);
    await k.tap(/完成/);
    await page.getByRole('navigation').waitFor();
    await k.close();
  });
});
