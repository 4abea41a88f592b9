import { describe, expect, test } from 'vitest';
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
