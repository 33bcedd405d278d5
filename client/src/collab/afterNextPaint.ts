/**
 * Runs `fn` once the browser has painted the next frame (a task after the frame's callbacks);
 * without frames (a hidden tab, Node) after a short while all the same. Several calls in one
 * frame run in the order they were made.
 */
export function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(run, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}
