import { describe, expect, it } from 'vitest';
import { formatShortcut, isControlKey, matchAny, matchShortcut, type KeyLike } from './keys';

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
