import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import demo from '../../../../assets/demo/catalogue.json';
import { holdIconsUntil, Icon, iconUrl } from './Icon.tsx';
import { twemoji } from './twemoji.ts';

/** Every icon the demo catalogue names, wherever it sits. */
const catalogueIcons = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(catalogueIcons);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'icon' && typeof item === 'string' ? [item] : catalogueIcons(item)));
};

/** Every emoji the renderer's own code hands to an icon prop or to Icon, with the file that names it. */
const codeIcons = (): { file: string; icon: string }[] => {
  const root = join(process.cwd(), 'renderer/src');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'))
    .flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\b(?:icon|emoji)="([^"]+)"/g)].map((m) => ({ file, icon: m[1]! })));
};

describe('icons shipped with the app', () => {
  it('has a picture for every icon of the demo catalogue', () => {
    const icons = catalogueIcons(demo);
    expect(icons.length).toBeGreaterThan(20);
    expect(icons.filter((icon) => iconUrl(icon) === undefined)).toEqual([]);
  });

  it('has a picture for every emoji the screens name in their code, so none draws the neutral marker', () => {
    const icons = codeIcons();
    expect(icons.length).toBeGreaterThan(20);
    expect(icons.filter(({ icon }) => iconUrl(icon) === undefined)).toEqual([]);
  });

  it('points every emoji at an SVG that exists in the icon set', () => {
    for (const [emoji, url] of Object.entries(twemoji)) {
      expect(url, emoji).toMatch(/\.svg$/);
      expect(existsSync(`${process.cwd()}${url}`) || existsSync(url), `${emoji}: ${url}`).toBe(true);
    }
  });

  it('finds an emoji with or without its presentation selector', () => {
    expect(iconUrl('☂')).toBeDefined();
    expect(iconUrl('☂️')).toBe(iconUrl('☂'));
  });

  it('draws a known emoji as its picture and an unknown one as the neutral marker, never as text', () => {
    const { container } = render(
      <>
        <Icon emoji="☂️" />
        <Icon emoji="🦄" />
      </>,
    );
    const [known, unknown] = [...container.querySelectorAll('img')];
    expect(known?.getAttribute('src')).toBe(iconUrl('☂'));
    expect(unknown?.getAttribute('src')).toMatch(/fallback.*\.svg$/);
    expect(container.textContent).toBe('');
    for (const image of [known, unknown]) expect(image).toHaveAttribute('alt', '');
  });

  it('held until the first screen is painted, keeps its box and loads no picture, then draws it', async () => {
    let painted = (): void => undefined;
    holdIconsUntil(new Promise<void>((resolve) => (painted = resolve)));
    const { container } = render(<Icon emoji="☂️" />);
    const img = container.querySelector('img.icon')!;
    expect(img.getAttribute('src')).toBeNull();
    await act(async () => painted());
    expect(img.getAttribute('src')).toBe(iconUrl('☂️'));
    // Once released, an icon drawn later has its picture at once.
    const later = render(<Icon emoji="☂️" />);
    expect(later.container.querySelector('img.icon')!.getAttribute('src')).toBe(iconUrl('☂️'));
  });
});
