import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatShortcut,
  inShortcutScope,
  isControlKey,
  isSingleCharacterKey,
  matchAny,
  matchShortcut,
  shortcutAllowed,
  type KeyLike,
} from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('matches letters case-insensitively and without extra modifiers', () => {
    expect(matchShortcut(key('n'), 'N')).toBe(true);
    expect(matchShortcut(key('N', { shiftKey: true }), 'N')).toBe(false);
    expect(matchShortcut(key('n', { ctrlKey: true }), 'N')).toBe(false);
  });

  it('treats Mod as Ctrl or Cmd', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchShortcut(key('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchShortcut(key('Z', { metaKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchShortcut(key('Z', { metaKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchShortcut(key('y', { ctrlKey: true }), 'Mod+Y')).toBe(true);
  });

  it('ignores Shift for symbol keys', () => {
    expect(matchShortcut(key('+', { shiftKey: true }), 'Plus')).toBe(true);
    expect(matchShortcut(key('+'), '++')).toBe(true);
    expect(matchShortcut(key('-'), '-')).toBe(true);
    expect(matchShortcut(key('1'), '1')).toBe(true);
    expect(matchShortcut(key('+', { ctrlKey: true }), 'Plus')).toBe(false);
  });

  it('distinguishes Shift on named keys', () => {
    expect(matchShortcut(key('ArrowLeft'), 'ArrowLeft')).toBe(true);
    expect(matchShortcut(key('ArrowLeft', { shiftKey: true }), 'ArrowLeft')).toBe(false);
    expect(matchShortcut(key('ArrowLeft', { shiftKey: true }), 'Shift+ArrowLeft')).toBe(true);
    expect(matchAny(key('Backspace'), ['Delete', 'Backspace'])).toBe(true);
  });
});

describe('formatShortcut', () => {
  it('uses symbols on a Mac and words elsewhere', () => {
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('N', false)).toBe('N');
  });
});

describe('isControlKey', () => {
  it('names the keys buttons and tabs handle themselves', () => {
    expect(isControlKey('Enter')).toBe(true);
    expect(isControlKey('ArrowUp')).toBe(true);
    expect(isControlKey('n')).toBe(false);
  });
});

// A stand-in for the DOM (the unit tests run in Node): an element knows whether it sits in the board area.
class FakeElement extends EventTarget {
  constructor(readonly inScope: boolean) {
    super();
  }
  closest(selector: string): FakeElement | null {
    return selector === '[data-shortcut-scope]' && this.inScope ? this : null;
  }
}

describe('shortcutAllowed', () => {
  const body = new FakeElement(false);
  beforeEach(() => {
    Object.assign(globalThis, {
      HTMLElement: FakeElement,
      document: { body, documentElement: new FakeElement(false) },
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'HTMLElement');
    Reflect.deleteProperty(globalThis, 'document');
  });

  it('keeps the board keys away from buttons outside the board area (the language button)', () => {
    const languageButton = new FakeElement(false);
    expect(inShortcutScope(languageButton)).toBe(false);
    expect(shortcutAllowed(key('n'), languageButton, true)).toBe(false);
    expect(shortcutAllowed(key('Delete'), languageButton, true)).toBe(false);
  });

  it('lets them act on the canvas or the list, and with nothing focused', () => {
    const canvas = new FakeElement(true);
    expect(shortcutAllowed(key('n'), canvas, true)).toBe(true);
    expect(shortcutAllowed(key('n'), body, true)).toBe(true);
  });

  it('turns single character keys off with the setting, but not Enter, arrows or Ctrl shortcuts', () => {
    const canvas = new FakeElement(true);
    expect(isSingleCharacterKey(key('n'))).toBe(true);
    expect(isSingleCharacterKey(key('+', { shiftKey: true }))).toBe(true);
    expect(isSingleCharacterKey(key('z', { ctrlKey: true }))).toBe(false);
    expect(shortcutAllowed(key('n'), canvas, false)).toBe(false);
    expect(shortcutAllowed(key('0'), canvas, false)).toBe(false);
    expect(shortcutAllowed(key('ArrowLeft'), canvas, false)).toBe(true);
    expect(shortcutAllowed(key('z', { ctrlKey: true }), new FakeElement(false), false)).toBe(true);
  });
});
