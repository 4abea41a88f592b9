import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Calls `signOut` after `minutes` without a key, a click or a scroll in this window. */
export function useIdleSignOut(minutes: number | null, signOut: () => void): void {
  const latest = useRef(signOut);
  latest.current = signOut;
  useEffect(() => {
    if (minutes === null) return;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, seen, { capture: true, passive: true });
    // Checked every few seconds against the clock: a sleeping laptop that wakes is signed out at once.
    const timer = setInterval(() => {
      if (Date.now() - last > minutes * 60_000) latest.current();
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
    };
  }, [minutes]);
}
