/** A throttled function: runs at most once per interval, always delivering the latest call last. */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending call now. */
  flush(): void;
  /** Drops a pending call. */
  cancel(): void;
}

/** Throttles `fn` to one call per `ms`, leading and trailing. */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;

  const run = () => {
    timer = null;
    if (pending === null) return;
    const args = pending;
    pending = null;
    last = Date.now();
    fn(...args);
  };

  const throttled = ((...args: A) => {
    pending = args;
    const wait = ms - (Date.now() - last);
    if (wait <= 0) {
      if (timer !== null) clearTimeout(timer);
      run();
    } else if (timer === null) {
      timer = setTimeout(run, wait);
    }
  }) as Throttled<A>;
  throttled.flush = () => {
    if (timer !== null) clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
