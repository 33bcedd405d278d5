import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Keeps every command of a toolbar reachable in a narrow space, the way whiteboard tools do:
 * when its buttons do not fit on one line with their labels, the toolbar gets `data-compact`
 * and CSS shows the collapsible buttons (`tool-button--compact`, `tool-button--collapsible`) as
 * icons only — their names stay as tooltip and accessible name. When even that does not fit,
 * the toolbar wraps onto a second line (`flex-wrap` in CSS). Nothing is cut off or hidden.
 *
 * Measured before paint after a render that changed its labels or buttons (the language, the
 * phase) and whenever the toolbar or one of its parts changes size.
 */
export function useToolbarFit(ref: RefObject<HTMLElement | null>): void {
  const observer = useRef<ResizeObserver | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    // Outside the observer's callback: changing the toolbar's height there would loop.
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitToolbar(el));
    });
    ro.observe(el);
    observer.current = ro;
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      observer.current = null;
    };
  }, [ref]);

  useLayoutOnNewContent(ref, fitToolbar);
  useLayoutEffect(() => {
    // Parts that grow on their own (a count, a hint) change the fit without a new toolbar width.
    for (const child of Array.from(ref.current?.children ?? [])) observer.current?.observe(child);
  });
}

/**
 * Runs `measure` before paint after a render that changed the element's content: its text
 * (labels, counts, the language) or how many elements it holds (buttons the phase shows or
 * hides), both read without laying out the page. A render that changed neither needs no
 * measuring — each measurement lays out the page, in the moment a phase changes. A change of size
 * this misses (a style) is for the caller's ResizeObserver.
 */
export function useLayoutOnNewContent(ref: RefObject<HTMLElement | null>, measure: (el: HTMLElement) => void): void {
  const measured = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const key = `${el.getElementsByTagName('*').length}|${el.textContent ?? ''}`;
    if (key === measured.current) return;
    measured.current = key;
    measure(el);
  });
}

/** Sets or clears `data-compact` on a toolbar by whether its content fits on one line. */
export function fitToolbar(el: HTMLElement): void {
  el.removeAttribute('data-compact');
  if (overflowsOneLine(el)) el.setAttribute('data-compact', '');
}

function overflowsOneLine(el: HTMLElement): boolean {
  const wrap = el.style.flexWrap;
  el.style.flexWrap = 'nowrap';
  const overflow = el.scrollWidth > el.clientWidth + 1;
  el.style.flexWrap = wrap;
  return overflow;
}
