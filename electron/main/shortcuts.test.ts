// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lockDownContents } from './lockdown.ts';
import { classifyKey } from './shortcuts.ts';
import { FakeEvent, FakeWebContents, keyInput } from './testing/fakes.ts';

const ctrl = { control: true };
describe('classifyKey', () => {
  it.each([
    ['reload', keyInput('r', ctrl)],
    ['hard reload', keyInput('R', { control: true, shift: true, code: 'KeyR' })],
    ['F5', keyInput('F5')],
    ['close tab', keyInput('w', ctrl)],
    ['close window', keyInput('F4', { alt: true })],
    ['quit', keyInput('q', ctrl)],
    ['macOS quit', keyInput('q', { meta: true })],
    ['devtools', keyInput('I', { control: true, shift: true, code: 'KeyI' })],
    ['devtools console', keyInput('J', { control: true, shift: true, code: 'KeyJ' })],
    ['F12', keyInput('F12')],
    ['zoom in', keyInput('=', { control: true, code: 'Equal' })],
    ['zoom in (shifted)', keyInput('+', { control: true, shift: true, code: 'Equal' })],
    ['zoom out', keyInput('-', { control: true, code: 'Minus' })],
    ['zoom reset', keyInput('0', { control: true, code: 'Digit0' })],
    ['full screen', keyInput('F11')],
    ['print', keyInput('p', ctrl)],
    ['copy (privacy between residents)', keyInput('c', ctrl)],
    ['paste', keyInput('v', ctrl)],
    ['find', keyInput('f', ctrl)],
    ['window menu', keyInput('Alt', { alt: true, code: 'AltLeft' })],
    ['browser back key', keyInput('BrowserBack')],
    ['browser refresh key', keyInput('BrowserRefresh')],
    ['zoom key', keyInput('ZoomIn')],
    ['context menu key', keyInput('ContextMenu')],
  ])('swallows %s', (_name, input) => {
    expect(classifyKey(input)).toBe('swallow');
  });

  it.each([
    ['a letter', keyInput('a')],
    ['a capital', keyInput('A', { shift: true, code: 'KeyA' })],
    ['a digit', keyInput('7', { code: 'Digit7' })],
    ['Enter', keyInput('Enter')],
    ['Tab', keyInput('Tab')],
    ['Escape (closes a dialog)', keyInput('Escape')],
    ['Backspace', keyInput('Backspace')],
    ['an arrow', keyInput('ArrowLeft')],
    ['IME composition, whatever the modifiers', keyInput('Process', { isComposing: true, control: true })],
  ])('passes %s to the page', (_name, input) => {
    expect(classifyKey(input)).toBe('pass');
  });

  it('recognises the technician combination by physical key', () => {
    expect(classifyKey(keyInput('T', { control: true, alt: true, shift: true, code: 'KeyT' }))).toBe('technician');
    expect(classifyKey(keyInput('Е', { control: true, alt: true, shift: true, code: 'KeyT' }))).toBe('technician');
    expect(classifyKey(keyInput('T', { control: true, alt: true, shift: true, meta: true, code: 'KeyT' }))).toBe('swallow');
  });
});

describe('lockDownContents', () => {
  const locked = (production = true) => {
    const contents = new FakeWebContents();
    let technician = 0;
    lockDownContents(contents, { production, onTechnician: () => (technician += 1) });
    return { contents, technician: () => technician };
  };

  it('pins the zoom at 100 % now, after every load and after any zoom change', () => {
    const { contents } = locked();
    expect(contents.zoomLimits).toEqual([1, 1]);
    contents.zoomLimits = null;
    contents.emit('did-finish-load');
    expect(contents.zoomLimits).toEqual([1, 1]);
    contents.zoomLevel = 3;
    contents.emit('zoom-changed');
    expect(contents.zoomLevel).toBe(0);
  });

  it('swallows shortcuts before the page sees them and passes typing on', () => {
    const { contents } = locked();
    const reload = new FakeEvent();
    contents.emit('before-input-event', reload, keyInput('r', { control: true }));
    const typing = new FakeEvent();
    contents.emit('before-input-event', typing, keyInput('a'));
    expect(reload.defaultPrevented).toBe(true);
    expect(typing.defaultPrevented).toBe(false);
  });

  it('opens the technician PIN pad once per press (key down only)', () => {
    const { contents, technician } = locked();
    const combo = { control: true, alt: true, shift: true, code: 'KeyT' };
    const down = new FakeEvent();
    contents.emit('before-input-event', down, keyInput('T', combo));
    contents.emit('before-input-event', new FakeEvent(), keyInput('T', { ...combo, type: 'keyUp' }));
    expect(down.defaultPrevented).toBe(true);
    expect(technician()).toBe(1);
  });

  it('closes devtools at once in production, not in development', () => {
    const prod = locked(true).contents;
    prod.devToolsOpen = true;
    prod.emit('devtools-opened');
    expect(prod.devToolsOpen).toBe(false);
    const dev = locked(false).contents;
    dev.devToolsOpen = true;
    dev.emit('devtools-opened');
    expect(dev.devToolsOpen).toBe(true);
  });
});
