import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Keeps every command of a toolbar reachable in a narrow space, the way whiteboard tools do:
 * when its buttons do not fit on one line with their labels, the toolbar gets `data-compact`
 * and CSS shows the collapsible buttons (`tool-button--compact`, `tool-button--collapsible`) as
 * icons only — their names stay as tooltip and accessible name. When even that does not fit,
 * the toolbar wraps onto a second line (`flex-wrap` in CSS). Nothing is cut off or hidden.
 *
 * Measured before paint after every render (labels change with the language and the phase) and
 * whenever the toolbar or one of its parts changes size.
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

  // The content last fitted: a render that changed no label and no button needs no measuring
  // (each measurement lays out the page before it is painted, in the moment a phase changes).
  const fitted = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const key = contentKey(el);
    if (key !== fitted.current) {
      fitted.current = key;
      fitToolbar(el);
    }
    // Parts that grow on their own (a count, a hint) change the fit without a new toolbar width.
    for (const child of Array.from(el.children)) observer.current?.observe(child);
  });
}

/**
 * What decides an element's natural size, read without laying out the page: its text (labels,
 * counts, the language) and how many elements it holds (buttons shown or hidden by the phase).
 * A change of size it misses (a style) reaches the ResizeObserver.
 */
export function contentKey(el: HTMLElement): string {
  return `${el.getElementsByTagName('*').length}|${el.textContent ?? ''}`;
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
