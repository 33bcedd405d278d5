import { useEffect, useState } from 'react';
import { useAppStore } from '../store';

/**
 * Small hooks of the console: the server's clock, and choices remembered on this device.
 */

/** This device's clock (ms), re-rendering every `intervalMs` (0: never by itself). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs <= 0) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The server's clock (ms), as every participant's timer computes it; see `useNow`. */
export function useServerNow(intervalMs: number): number {
  const offset = useAppStore((s) => s.clockOffsetMs);
  return useNow(intervalMs) + offset;
}

/** A string choice kept in localStorage (falls back to memory in private mode). */
export function useStoredChoice<T extends string>(
  key: string,
  allowed: readonly T[],
  initial: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return allowed.find((a) => a === stored) ?? initial;
    } catch {
      return initial;
    }
  });
  const set = (next: T) => {
    setValue(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // Storage disabled: the choice lasts for this tab only.
    }
  };
  return [value, set];
}
