import { afterEach, describe, expect, test, vi } from 'vitest';
import { ScanDetector } from '../../shared/lookup/scan';

function typeAt(d: ScanDetector<number>, text: string, start: number, gap: number): number {
  let t = start;
  for (const ch of text) {
    d.key(ch, t, t);
    t += gap;
  }
  return t;
}

describe('a scan is a fast burst of 17 or 18 keys ending in Enter', () => {
  test("keys 3 ms apart with the scanner's leading I are a scan of the VIN without it", () => {
    const d = new ScanDetector<number>();
    const t = typeAt(d, 'IJTHBE96S170007930', 1000, 3);
    expect(d.enter(t)).toEqual({ vin: 'JTHBE96S170007930', first: 1000 });
  });
  test('one key held back by a busy screen (200 ms) does not break a scan', () => {
    const d = new ScanDetector<number>();
    let t = typeAt(d, 'JTHBE96S', 0, 3);
    t = typeAt(d, '170007930', t + 200, 3);
    expect(d.enter(t)).toEqual({ vin: 'JTHBE96S170007930', first: 0 });
  });
  test('a person typing the same VIN (120 ms a key) is not a scan', () => {
    const d = new ScanDetector<number>();
    const t = typeAt(d, 'JTHBE96S170007930', 1000, 120);
    expect(d.enter(t)).toBeNull();
  });
  test('a slow start then a fast burst: only the burst counts', () => {
    const d = new ScanDetector<number>();
    let t = typeAt(d, '12/2', 0, 200);
    t = typeAt(d, 'JTHBE96S170007930', t + 500, 4);
    expect(d.enter(t)).toMatchObject({ vin: 'JTHBE96S170007930' });
  });
  test('a short fast burst (a month, an RO) is not a scan; nor a long one', () => {
    const d = new ScanDetector<number>();
    expect(d.enter(typeAt(d, '12/22', 0, 5))).toBeNull();
    expect(d.enter(typeAt(d, 'JTHBE96S170007930XX', 100, 5))).toBeNull();
  });
  test('Enter long after the burst is a person pressing Enter', () => {
    const d = new ScanDetector<number>();
    const t = typeAt(d, 'JTHBE96S170007930', 0, 3);
    expect(d.enter(t + 1000)).toBeNull();
  });
  test('another key in between ends the burst', () => {
    const d = new ScanDetector<number>();
    typeAt(d, 'JTHBE96S1', 0, 3);
    d.reset();
    expect(d.enter(typeAt(d, '70007930', 30, 3))).toBeNull();
  });
});

// A busy main thread (a loaded counter PC) hands the keys to the page late and unevenly: the handler
// runs hundreds of ms after the key, sometimes several keys at once. The keys still carry their own
// timestamps (KeyboardEvent.timeStamp, the time the system received them); only those may count.
describe('keys handled late by a busy main thread are judged by their own timestamps', () => {
  afterEach(() => vi.useRealTimers());

  /** Hands each key (its own time) to the detector after the clock has moved on by `stall(i)` ms. */
  function deliverLate(d: ScanDetector<number>, keys: { ch: string; at: number }[], stall: (i: number) => number) {
    for (const [i, k] of keys.entries()) {
      vi.advanceTimersByTime(stall(i));
      d.key(k.ch, k.at, k.at);
    }
  }
  const stamped = (text: string, start: number, gap: number) => [...text].map((ch, i) => ({ ch, at: start + i * gap }));

  test('a scan (3 ms apart) handled 100-900 ms a key apart is still a scan', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const d = new ScanDetector<number>();
    const keys = stamped('I2T2HA31U660012345', 5000, 3);
    deliverLate(d, keys, (i) => 100 + ((i * 277) % 800));
    vi.advanceTimersByTime(1500);
    expect(d.enter(keys.at(-1)!.at + 3)).toEqual({ vin: '2T2HA31U660012345', first: 5000 });
  });

  test('a scan handled all at once after a 3 s freeze is still a scan', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const d = new ScanDetector<number>();
    const keys = stamped('JTHBE96S170007930', 0, 4);
    deliverLate(d, keys, (i) => (i === 0 ? 3000 : 0));
    expect(d.enter(keys.at(-1)!.at + 4)).toEqual({ vin: 'JTHBE96S170007930', first: 0 });
  });

  test('a person typing (120 ms a key) whose keys are handled in one batch after a freeze is not a scan', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const d = new ScanDetector<number>();
    const keys = stamped('JTHBE96S170007930', 0, 120);
    deliverLate(d, keys, (i) => (i === 0 ? 2500 : 0));
    expect(d.enter(keys.at(-1)!.at + 150)).toBeNull();
  });

  test('Enter pressed long after a fast burst is not a scan, even when both are handled together', () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    const d = new ScanDetector<number>();
    const keys = stamped('JTHBE96S170007930', 0, 3);
    deliverLate(d, keys, () => 0);
    expect(d.enter(keys.at(-1)!.at + 2000)).toBeNull();
  });
});
