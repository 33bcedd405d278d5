import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeping the keyboard focus somewhere sensible (WCAG 2.4.3). When a control the person used
 * disappears — a form closes, a button turns into another, a list re-renders — the browser drops
 * the focus to `<body>`, and a keyboard or screen-reader user starts again at the top of the page.
 * These helpers put it on the next sensible control instead, once React has drawn it.
 */

/** Something that names the element to focus: the element, a ref to it, or a function finding it. */
export type FocusTarget =
  HTMLElement | null | undefined | { readonly current: HTMLElement | null } | (() => HTMLElement | null | undefined);

/** How long a target may take to appear (a re-render, a lazy panel, a board switch), in ms. */
const WAIT_MS = 1000;
/**
 * How often it looks again after the next frame. Not every frame: a page that asks for a frame
 * sixty times a second draws sixty frames, and at a phase change every participant's screen
 * would spend its second doing that instead of showing the new phase.
 */
const POLL_MS = 50;

function resolve(target: FocusTarget): HTMLElement | null {
  if (!target) return null;
  if (typeof target === 'function') return target() ?? null;
  if (target instanceof HTMLElement) return target;
  return target.current;
}

/** Whether the focus is lost: on `<body>` (or nowhere), or on an element no longer in the page. */
export function focusLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || active === doc.documentElement || !active.isConnected;
}

/** Whether an element can take the focus now: in the page, not disabled, not hidden. */
function focusable(el: HTMLElement): boolean {
  if (!el.isConnected || (el as HTMLButtonElement).disabled) return false;
  return el.getClientRects().length > 0 || el === document.activeElement;
}

/** How focusNext waits and when it gives way. */
export interface FocusOptions {
  /**
   * Only once the focus is lost (the change removed the focused element): never take it from
   * someone typing elsewhere. Until then it keeps watching, for about a second.
   */
  readonly onlyIfLost?: boolean;
  /** The element the target replaces (same id, re-rendered elsewhere): wait for the new one. */
  readonly replacing?: Element | null;
}

/**
 * Moves the focus to the target as soon as it exists and can take it (within about a second).
 * Returns a function that cancels the wait.
 */
export function focusNext(target: FocusTarget, options: FocusOptions = {}): () => void {
  let frame = 0;
  let timer = 0;
  let tries = 0;
  const until = Date.now() + WAIT_MS;
  const attempt = () => {
    frame = 0;
    timer = 0;
    tries++;
    const el = resolve(target);
    if (el && el !== options.replacing && focusable(el)) {
      if (el.contains(document.activeElement)) return;
      if (!options.onlyIfLost || focusLost()) {
        el.focus({ preventScroll: false });
        return;
      }
    }
    // Not there yet, or (onlyIfLost) the focus still rests where it was: look again after the
    // next frame (a render in progress), then every POLL_MS until the time is up.
    if (tries === 1) frame = requestAnimationFrame(attempt);
    else if (Date.now() < until) timer = window.setTimeout(attempt, POLL_MS);
  };
  attempt();
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/**
 * The same as a hook: `focusAfter(target)` focuses the target after the change the caller is
 * about to make has been drawn; a newer call replaces a pending one, and unmounting cancels it.
 */
export function useFocusAfter(): (target: FocusTarget, options?: FocusOptions) => void {
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => () => cancel.current?.(), []);
  return useCallback((target: FocusTarget, options?: FocusOptions) => {
    cancel.current?.();
    // After the current event: the caller's state change renders first.
    let inner: (() => void) | null = null;
    const frame = requestAnimationFrame(() => {
      inner = focusNext(target, options);
    });
    cancel.current = () => {
      cancelAnimationFrame(frame);
      inner?.();
    };
  }, []);
}

/**
 * When `key` changes (e.g. the phase) and the change removed the element that had the focus, the
 * focus goes to `target` instead of `<body>`; someone typing elsewhere keeps their focus. The
 * first value — also a first value after null or undefined (still loading) — is the start: then
 * the target takes a lost focus only when a control on this page had it before (e.g. the join
 * form, which is gone now), not on a page opened or reloaded afresh.
 */
export function useFocusOnChange(key: unknown, target: FocusTarget): void {
  const previous = useRef<unknown>(null);
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    const before = previous.current;
    previous.current = key;
    if (key === null || key === undefined || before === key) return;
    const changed = before !== null && before !== undefined;
    if (!changed && !actedOnPage()) return;
    return focusNext(() => resolve(targetRef.current), { onlyIfLost: true });
  }, [key]);
}

let focusedBefore = false;
if (typeof document !== 'undefined')
  document.addEventListener('focusin', () => {
    focusedBefore = true;
  });

/**
 * Whether a control on this page had the focus before (e.g. the join form, which is gone now);
 * on a page just opened or reloaded nothing had, and the browser's own start stays.
 */
function actedOnPage(): boolean {
  return focusedBefore;
}
