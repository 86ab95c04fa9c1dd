/**
 * What a person in front of the kiosk sees, checked in the page in one pass (it is serialised into the page by
 * `page.evaluate`, so it must not use anything from outside its own body).
 *
 * - Reach: every control a person needs is inside the viewport and is what a tap at its centre hits
 *   (elementFromPoint), unless the screen shows a clear way to it: the "more below" cue for a control under the
 *   fold or under the sticky action bar, or a control the resident scrolled past themselves.
 * - Clipping: no text runs outside a box that hides it, nor off the screen, unless marked `data-clip`.
 * - Covering: no text lies under a neighbour painted over it (a shrunk button's label under the pill beside it):
 *   a point at each end of each of its lines hits the text's own element.
 * - Word breaks: a label or a value (a control's text, a heading, a chip, a strong/dd/td value) wraps only where
 *   a reader would break it: at a space, after punctuation or a zero-width space; a short Chinese label never
 *   between two characters.
 * - Icons: no emoji is left to the tablet's fonts (without an emoji font, each is an empty box).
 * - In elderly mode, the MIIT rules for elderly-friendly apps (适老化): text ≥ 18 dp, the largest ≥ 30 dp,
 *   targets ≥ 60 × 60 dp, contrast ≥ 4.5:1, line spacing ≥ 1.3 (one CSS px is one dp on the kiosk's screen).
 */
export interface FitReport {
  problems: string[];
  /** The screen a person is on: its titles and any dialog; a change of it is a change of screen. */
  signature: string;
}

export function inspectScreen({ elderly }: { elderly: boolean }): FitReport {
  const problems = new Set<string>();
  const viewWidth = window.innerWidth;
  const viewHeight = window.innerHeight;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = getComputedStyle(el)));
    return s;
  };
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const name = (el: Element) => {
    const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? el.name) : el.textContent);
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} "${oneLine(label ?? '').slice(0, 40)}"`;
  };
  const tag = (el: Element) => `${el.tagName.toLowerCase()}${el.classList[0] ? `.${el.classList[0]}` : ''}`;
  const shown = (el: Element) => {
    if (!el.checkVisibility({ checkVisibilityCSS: true })) return false;
    if (el.closest('[aria-hidden="true"], [inert]')) return false;
    const box = el.getBoundingClientRect();
    // The visually-hidden pattern (a 1 px clipped box) is for screen readers, not for the eye.
    return box.width > 2 && box.height > 2;
  };

  // With a modal dialog open (the idle warning, the attract screen), only the dialog is in front of the person.
  const dialogs = [...document.querySelectorAll('[aria-modal="true"]')].filter(shown);
  const scope: Element = dialogs.at(-1) ?? document.body;
  const main = document.getElementById('main');

  const cue = document.querySelector('[data-scroll-cue]');
  const cueShown = (() => {
    if (!cue || !shown(cue)) return false;
    const box = cue.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && cue.contains(hit);
  })();
  const canScrollDown = !!main && main.scrollTop + main.clientHeight < main.scrollHeight - 1;

  // Reach.
  const controlSelector = 'button, a[href], input:not([type="hidden"]), textarea, select, [role="button"], [role="radio"], [role="switch"], [role="checkbox"], [role="link"], [role="tab"]';
  const controls = [...scope.querySelectorAll(controlSelector)].filter(shown);
  for (const control of controls) {
    const box = control.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const inside = x >= 0 && x < viewWidth && y >= 0 && y < viewHeight;
    const hit = inside ? document.elementFromPoint(x, y) : null;
    const label = hit?.closest('label');
    if (hit && (control.contains(hit) || (label && (label as HTMLLabelElement).control === control))) continue;
    if (x < 0 || x >= viewWidth) {
      problems.add(`unreachable: ${name(control)} lies off the side of the screen`);
      continue;
    }
    const inMain = !!main && main.contains(control);
    const mainBox = main?.getBoundingClientRect();
    const below = inMain && mainBox !== undefined && y >= mainBox.top;
    const under = hit ? (hit.closest('.actions--sticky, [data-scroll-cue]') ?? undefined) : undefined;
    if (inMain && mainBox && y < mainBox.top + 1 && main.scrollTop > 0) continue;
    if (below && (!inside || y >= mainBox.bottom || under) && canScrollDown && cueShown) continue;
    const where = !inside ? 'below the screen' : under ? `under ${name(under)}` : hit ? `under ${name(hit)}` : 'nowhere';
    problems.add(`unreachable: ${name(control)} is ${where}${canScrollDown && !cueShown ? ', and nothing shows the way down' : ''}`);
  }

  // Drawing surfaces (touch-action: none, a signature box): a finger on one draws instead of scrolling, so the
  // whole surface must be in view at once, clear of the sticky action bar and the scroll cue.
  for (const surface of [...scope.querySelectorAll('*')].filter((el) => shown(el) && style(el).touchAction === 'none')) {
    const box = surface.getBoundingClientRect();
    const mainBox = main && main.contains(surface) ? main.getBoundingClientRect() : { top: 0, bottom: viewHeight, left: 0, right: viewWidth };
    if (box.top < mainBox.top - 1 || box.bottom > mainBox.bottom + 1 || box.left < mainBox.left - 1 || box.right > mainBox.right + 1) {
      problems.add(`cut: the drawing area ${name(surface)} is not wholly on screen, and a finger on it cannot scroll`);
      continue;
    }
    for (const bar of scope.querySelectorAll('.actions--sticky, [data-scroll-cue]')) {
      if (!shown(bar)) continue;
      const over = bar.getBoundingClientRect();
      if (over.top < box.bottom - 1 && over.bottom > box.top + 1 && over.left < box.right - 1 && over.right > box.left + 1) {
        problems.add(`covered: the drawing area ${name(surface)} lies partly under ${name(bar)}`);
      }
    }
  }

  // Text: clipping, word breaks and the elderly rules, one text node at a time.
  // Values count as labels: an id, an address or a phone number broken inside a word reads as another one.
  const labelSelector = 'button, a, label, [role="button"], [role="radio"], [role="switch"], [role="checkbox"], [role="link"], h1, h2, h3, h4, dt, dd, th, td, strong, legend, .pill, [data-label]';
  const cjk = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
  const mayBreakAfter = /[\s\u200b\u00ad\p{P}\p{S}]/u;
  const mayBreakBefore = /[\s\p{Ps}\p{Pi}]/u;
  const parse = (color: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,?\s*\/?\s*([\d.]+))?\)/.exec(color);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
    [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
  const luminance = ([r, g, b]: [number, number, number]) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  /** The colour behind an element, as far as plain background colours say; undefined behind an image. */
  const backdrop = (el: Element): [number, number, number] | undefined => {
    const layers: [number, number, number, number][] = [];
    for (let at: Element | null = el; at; at = at.parentElement) {
      const s = style(at);
      if (s.backgroundImage !== 'none') return undefined;
      const color = parse(s.backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] >= 1) break;
    }
    return layers.reduceRight<[number, number, number]>((under, layer) => over(layer, under), [255, 255, 255]);
  };
  let largest = 0;

  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.replace(/[\s\u200b]/g, '')) continue;
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility({ checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    const first = rects[0]!;
    // Text a screen reader reads and the eye never sees (the visually-hidden pattern).
    const clipBox = parent.closest('.visually-hidden');
    if (clipBox) continue;
    const decorative = !!parent.closest('[aria-hidden="true"]');
    const where = `"${oneLine(text).slice(0, 40)}"`;
    // Icons are pictures shipped with the app: an emoji in the text is drawn by whatever font the tablet has.
    if (/\p{Extended_Pictographic}/u.test(text.replace(/[\u00a9\u00ae\u2122]/g, ''))) problems.add(`font-icon: ${where} leaves an emoji to the tablet's fonts`);

    if (!parent.closest('[data-clip]')) {
      const left = Math.min(...rects.map((r) => r.left));
      const right = Math.max(...rects.map((r) => r.right));
      const top = Math.min(...rects.map((r) => r.top));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      if (left < -1 || right > viewWidth + 1) problems.add(`clipped: ${where} runs off the side of the screen`);
      for (let at: Element | null = parent; at && at !== document.body; at = at.parentElement) {
        const s = style(at);
        const hidesX = s.overflowX !== 'visible';
        const hidesY = s.overflowY !== 'visible' && at !== main;
        if (!hidesX && !hidesY) continue;
        const box = at.getBoundingClientRect();
        const inLeft = box.left + at.clientLeft;
        const inTop = box.top + at.clientTop;
        const outX = hidesX && (left < inLeft - 1 || right > inLeft + at.clientWidth + 1);
        const outY = hidesY && (top < inTop - 1 || bottom > inTop + at.clientHeight + 1);
        if (outX || outY) {
          problems.add(`clipped: ${where} is cut off by ${tag(at)}${s.textOverflow === 'ellipsis' ? ' (ellipsis)' : ''}`);
          break;
        }
      }
    }

    if (!decorative) {
      // The eye reads a line from end to end: a point just inside each end must hit the text's own element (or
      // the element it sits in). Text scrolled under the sticky action bar or out of the main area is reached by
      // scrolling, which the reach check judges.
      const inMain = !!main && main.contains(parent);
      const mainBox = inMain ? main.getBoundingClientRect() : undefined;
      for (const rect of rects) {
        const y = rect.top + rect.height / 2;
        for (const x of [rect.left + Math.min(3, rect.width / 2), rect.right - Math.min(3, rect.width / 2)]) {
          if (x < 0 || x >= viewWidth || y < 0 || y >= viewHeight) continue;
          if (mainBox && (y < mainBox.top || y >= mainBox.bottom || x < mainBox.left || x >= mainBox.right)) continue;
          const hit = document.elementFromPoint(x, y);
          if (!hit || hit.contains(parent) || parent.contains(hit)) continue;
          if (inMain && hit.closest('.actions--sticky, [data-scroll-cue]') && !parent.closest('.actions--sticky')) continue;
          problems.add(`covered: ${where} lies under ${name(hit)}`);
        }
      }
    }

    const label = parent.closest(labelSelector);
    if (label && rects.length > 1) {
      const plain = text.replace(/\u200b/g, '');
      // A Chinese label of a few characters is a term to keep whole; a longer title is a sentence and wraps like one.
      const longCjk = cjk.test(plain) && [...plain].length > 12;
      let lineTop = first.top;
      const chars = [...text];
      let offset = 0;
      for (let i = 0; i < chars.length; i += 1) {
        const char = chars[i]!;
        const charRange = document.createRange();
        charRange.setStart(node, offset);
        charRange.setEnd(node, offset + char.length);
        offset += char.length;
        const box = charRange.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.top > lineTop + box.height / 2) {
          const before = chars[i - 1] ?? ' ';
          const betweenCjk = cjk.test(before) && cjk.test(char);
          const ok = mayBreakAfter.test(before) || mayBreakBefore.test(char) || (betweenCjk && longCjk);
          if (!ok) problems.add(`word-break: ${where} in ${name(label)} wraps between "${before}" and "${char}"`);
          lineTop = box.top;
        }
      }
    }

    if (!elderly) continue;
    const s = style(parent);
    const size = parseFloat(s.fontSize);
    largest = Math.max(largest, size);
    if (size < 18 - 0.01) problems.add(`miit-text: ${where} is ${size.toFixed(1)} px (at least 18)`);
    if (rects.length > 1) {
      const lineHeight = s.lineHeight === 'normal' ? size * 1.2 : parseFloat(s.lineHeight);
      if (lineHeight / size < 1.3 - 0.01) problems.add(`miit-spacing: ${where} has line spacing ${(lineHeight / size).toFixed(2)} (at least 1.3)`);
    }
    if (!decorative && !parent.closest(':disabled, [aria-disabled="true"]')) {
      const behind = backdrop(parent);
      if (behind) {
        let opacity = 1;
        for (let at: Element | null = parent; at; at = at.parentElement) opacity *= Number(style(at).opacity);
        const ink = parse(s.color);
        const seen = over([ink[0], ink[1], ink[2], ink[3] * opacity], behind);
        const [light, dark] = [luminance(seen), luminance(behind)].sort((a, b) => b - a) as [number, number];
        const ratio = (light + 0.05) / (dark + 0.05);
        if (ratio < 4.5) problems.add(`miit-contrast: ${where} has contrast ${ratio.toFixed(2)}:1 (at least 4.5)`);
      }
    }
  }

  if (elderly) {
    if (largest > 0 && largest < 30) problems.add(`miit-text: the largest text is ${largest.toFixed(1)} px (at least 30)`);
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width < 60 - 0.5 || box.height < 60 - 0.5) problems.add(`miit-target: ${name(control)} is ${Math.round(box.width)}×${Math.round(box.height)} px (at least 60×60)`);
    }
  }

  const titles = [...document.querySelectorAll('h1')].filter(shown).map((h) => oneLine(h.textContent ?? ''));
  const dialogNames = dialogs.map((d) => d.getAttribute('aria-labelledby') ?? d.getAttribute('aria-label') ?? 'dialog');
  return { problems: [...problems], signature: [...titles, ...dialogNames].join(' | ') };
}

/** The screen a person is on, alone (inspectScreen's signature without the checks). */
export function screenSignature(): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const shown = (el: Element) => el.checkVisibility({ checkVisibilityCSS: true }) && !el.closest('[aria-hidden="true"], [inert]');
  const titles = [...document.querySelectorAll('h1')].filter(shown).map((h) => oneLine(h.textContent ?? ''));
  const dialogs = [...document.querySelectorAll('[aria-modal="true"]')].filter(shown).map((d) => d.getAttribute('aria-labelledby') ?? d.getAttribute('aria-label') ?? 'dialog');
  return [...titles, ...dialogs].join(' | ');
}
