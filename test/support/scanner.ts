// A barcode scanner as the browser sees one: a burst of key events whose own timestamps are a few ms
// apart, then Enter. A hardware scanner's keys carry the time the operating system received them,
// however late a busy main thread gets to handle them; Playwright's keyboard.type() instead stamps
// each key when its round trip reaches the browser, so beside a loaded CPU a "3 ms" burst arrived
// 50-880 ms a key apart: a slow typist, not a scanner. Here every key is sent at once through the
// DevTools protocol with the timestamp the scanner gave it, and the page may handle them as late
// as a loaded machine makes it.
import type { Page } from '@playwright/test';

/** Milliseconds between a scanner's keys (scanners type 1-10 ms apart). */
export const SCANNER_GAP_MS = 3;

const KEYS: Record<string, { code: string; windowsVirtualKeyCode: number }> = { '/': { code: 'Slash', windowsVirtualKeyCode: 191 } };
const keyOf = (ch: string) => ({
  key: ch,
  ...(KEYS[ch] ?? { code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) }),
});

/**
 * Types `text` with each key stamped `gapMs` after the one before (then Enter, when asked): a scanner at
 * SCANNER_GAP_MS, a person at 90-150 ms. The keys are sent at once; the page handles them when it can.
 * Returns when the last key's time has come, so the next keys typed are stamped after these, as the next
 * keys a person or a scanner types always are.
 */
export async function typeKeys(page: Page, text: string, gapMs: number, { enter = false } = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now();
    // Seconds since the epoch, as the protocol takes them.
    const at = (ms: number) => (start + ms) / 1000;
    const sends: Promise<unknown>[] = [];
    const press = (key: object, text: string, t: number) => {
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text, unmodifiedText: text, timestamp: at(t) }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, timestamp: at(t + 1) }));
    };
    let t = 0;
    for (const ch of text) {
      press(keyOf(ch), ch, t);
      t += gapMs;
    }
    if (enter) press({ key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }, '\r', t);
    await Promise.all(sends);
    const last = start + t;
    if (Date.now() < last) await new Promise((resolve) => setTimeout(resolve, last - Date.now()));
  } finally {
    await cdp.detach();
  }
}

/** Types `text` as a scanner does (keys SCANNER_GAP_MS apart by their own timestamps), then Enter. */
export const scanKeys = (page: Page, text: string) => typeKeys(page, text, SCANNER_GAP_MS, { enter: true });
