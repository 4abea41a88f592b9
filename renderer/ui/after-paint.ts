// Work that can wait until what the counter is waiting for is on screen: run once the frame being made
// now is painted, so it never holds that frame up.
import { useEffect, useState } from 'react';

/** A hidden window makes no frames: there the work runs after this long instead. */
const NO_FRAME_MS = 100;

/** Runs `fn` once, after the next frame is painted (or after NO_FRAME_MS where no frame comes). */
export function afterPaint(fn: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    fn();
  };
  // A frame's callbacks run before it is drawn: the task after them runs once it is.
  const frame = requestAnimationFrame(() => setTimeout(run, 0));
  const fallback = setTimeout(run, NO_FRAME_MS);
  return () => {
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
  };
}

/**
 * `value` once the frame that first showed it is painted, null until then: a read that can wait a frame
 * (what a card adds to the answer) is asked after the answer is drawn, never with a previous value.
 */
export function useAfterPaint<T>(value: T): T | null {
  const [painted, setPainted] = useState<{ value: T } | null>(null);
  useEffect(() => afterPaint(() => setPainted({ value })), [value]);
  return painted && Object.is(painted.value, value) ? value : null;
}
