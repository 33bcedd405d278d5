/**
 * Keyboard shortcut matching. Shortcuts are written like `Mod+Shift+Z`: modifiers joined with `+`,
 * the key last. `Mod` is Ctrl or Cmd. Letters match case-insensitively; for symbol keys (`+`, `-`,
 * `1`) Shift is ignored, because layouts need it to type them.
 */

/** The parts of a keyboard event that matching looks at. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** Where the key was pressed (a real event has it; some actions look, e.g. only on the canvas itself). */
  readonly target?: EventTarget | null;
}

interface ParsedShortcut {
  readonly key: string;
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

function parse(shortcut: string): ParsedShortcut {
  // The last part is the key; "+" itself is written as "Plus" or as a trailing "+".
  const parts = shortcut.endsWith('++') ? [...shortcut.slice(0, -2).split('+'), '+'] : shortcut.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    key: key === 'Plus' ? '+' : key,
    mod: mods.has('mod') || mods.has('ctrl'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
  };
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);
const isNamed = (key: string) => key.length > 1;

/** Whether a key event matches a shortcut exactly (no extra modifiers). */
export function matchShortcut(event: KeyLike, shortcut: string): boolean {
  const want = parse(shortcut);
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== want.mod || event.altKey !== want.alt) return false;
  if (isLetter(want.key)) return event.key.toLowerCase() === want.key.toLowerCase() && event.shiftKey === want.shift;
  if (isNamed(want.key)) return event.key === want.key && event.shiftKey === want.shift;
  return event.key === want.key;
}

/** Whether the event matches any of the shortcuts. */
export function matchAny(event: KeyLike, shortcuts: readonly string[]): boolean {
  return shortcuts.some((s) => matchShortcut(event, s));
}

/** A shortcut for display, e.g. `⌘⇧Z` on a Mac and `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  const { key, mod, shift, alt } = parse(shortcut);
  const shown = key.length === 1 ? key.toUpperCase() : key.replace(/^Arrow/, '');
  if (mac) return `${mod ? '⌘' : ''}${alt ? '⌥' : ''}${shift ? '⇧' : ''}${shown}`;
  return [mod ? 'Ctrl' : '', alt ? 'Alt' : '', shift ? 'Shift' : '', shown].filter(Boolean).join('+');
}

/** Whether the keyboard focus is somewhere the person types text: shortcuts must stay out. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}

/** Whether the focus is on a control that uses Enter, Space or arrows itself (button, tab, link). */
export function isControlTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.closest('button, a[href], select, [role="tab"], [role="menuitem"], [role="menu"], input, summary'))
    return true;
  return false;
}

/**
 * Where the canvas's own shortcuts (those without Ctrl/Cmd/Alt) act: inside the board area (the
 * canvas or the list view, marked `data-shortcut-scope`), or with nothing focused. Never from a
 * button or a select elsewhere: with focus on the language button, `n` must not add a note (2.1.4).
 */
export function inShortcutScope(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return true;
  if (target === document.body || target === document.documentElement) return true;
  return target.closest('[data-shortcut-scope]') !== null;
}

/** A shortcut of one character key (a letter, digit or symbol, Shift allowed): WCAG 2.1.4 lets a person turn these off. */
export function isSingleCharacterKey(event: KeyLike): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** Whether a key press may trigger a shortcut at this target, given the single-key setting. */
export function shortcutAllowed(event: KeyLike, target: EventTarget | null, singleKeys: boolean): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  if (!inShortcutScope(target)) return false;
  return singleKeys || !isSingleCharacterKey(event);
}

/** Keys that controls handle themselves when focused. */
export function isControlKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key.startsWith('Arrow') || key === 'Home' || key === 'End';
}
