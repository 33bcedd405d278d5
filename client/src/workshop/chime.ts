/**
 * A short, soft two-tone chime when the phase timer runs out, made with WebAudio (no audio files,
 * nothing fetched). Browsers only allow sound after the person interacted with the page, and we
 * would not want to startle anyone who has not: without a gesture it stays silent.
 */

let gestured = false;

/** Starts noticing the first click or key press on the page; returns the stop function. */
export function watchUserGesture(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const mark = () => {
    gestured = true;
    stop();
  };
  const stop = () => {
    window.removeEventListener('pointerdown', mark, true);
    window.removeEventListener('keydown', mark, true);
  };
  window.addEventListener('pointerdown', mark, true);
  window.addEventListener('keydown', mark, true);
  return stop;
}

/** Whether the page has had a user gesture (sound is allowed and expected). */
export function hadUserGesture(): boolean {
  const activation =
    typeof navigator !== 'undefined'
      ? (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation
      : undefined;
  return gestured || activation?.hasBeenActive === true;
}

/** Plays the chime once, if the page had a user gesture and the browser can. */
export function playChime(): void {
  if (!hadUserGesture() || typeof AudioContext === 'undefined') return;
  try {
    const audio = new AudioContext();
    const start = audio.currentTime + 0.02;
    for (const [offset, frequency] of [
      [0, 660],
      [0.22, 880],
    ] as const) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0, start + offset);
      gain.gain.linearRampToValueAtTime(0.07, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.5);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.55);
    }
    setTimeout(() => void audio.close().catch(() => undefined), 1200);
  } catch {
    // No sound is fine: the timer's text and the announcement say the same.
  }
}
