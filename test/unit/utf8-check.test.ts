// The UTF-8 check that picks a file's encoding accepts exactly what a fatal TextDecoder accepts, however
// the file is cut into chunks: the encoding a preview states must not change with the check's speed.
import { describe, expect, test } from 'vitest';
import { Utf8Check } from '../../shared/imports/encoding';
import { rng } from '../support/synthetic';

const byDecoder = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The check over `bytes` cut at `cuts` (offsets), each chunk a fresh copy at an odd offset when asked. */
function byCheck(bytes: Uint8Array, cuts: number[], misalign = false): boolean {
  const check = new Utf8Check();
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    const part = bytes.subarray(from, to);
    if (misalign) {
      const room = new Uint8Array(part.length + 3);
      room.set(part, 3);
      check.push(room.subarray(3));
    } else check.push(part);
    from = to;
  }
  check.push(new Uint8Array(0), true);
  return check.valid;
}

const hex = (s: string) => Uint8Array.from(s.split(' ').filter(Boolean), (h) => Number.parseInt(h, 16));

describe('Utf8Check', () => {
  // Each boundary of the standard's table of well-formed sequences, on both sides.
  const edges = (
    '41|7f|80|c1 bf|c2 80|df bf|e0 9f bf|e0 a0 80|e1 80 80|ec bf bf|ed 80 80|ed 9f bf|ed a0 80|ee 80 80|ef bf bf|' +
    'f0 8f bf bf|f0 90 80 80|f3 bf bf bf|f4 8f bf bf|f4 90 80 80|f5 80 80 80|ff|c2|e1 80|f1 80 80|c2 41|e1 41 80|' +
    '4a 6f 73 c3 a9|4a 6f 73 e9'
  ).split('|');
  test.each(edges)('%s is judged as a fatal TextDecoder judges it, whole and cut at every byte', (s) => {
    const bytes = hex(s);
    const expected = byDecoder(bytes);
    expect(byCheck(bytes, [])).toBe(expected);
    for (let cut = 1; cut < bytes.length; cut++) expect(byCheck(bytes, [cut])).toBe(expected);
  });

  test('long texts, mostly ASCII with characters of every length and a stray byte, cut anywhere: the same verdict', () => {
    const r = rng(11);
    const pieces = ['VIN,Name\r\n', 'JTHBE96S671000000,José\r\n', '€', '𝄞', 'ß', 'plain ascii text 1234567890 '];
    let agreed = 0;
    let invalid = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      while (text.length < 200 + round * 5) text += pieces[Math.floor(r() * pieces.length)];
      const bytes = new TextEncoder().encode(text);
      if (round % 3 === 0) bytes[Math.floor(r() * bytes.length)] = [0x80, 0xe9, 0xc0, 0xf8, 0xed][round % 5]!;
      const cuts = [...new Set(Array.from({ length: 1 + (round % 7) }, () => Math.floor(r() * bytes.length)))].sort((a, b) => a - b);
      const expected = byDecoder(bytes);
      if (!expected) invalid++;
      expect(byCheck(bytes, cuts, round % 2 === 1)).toBe(expected);
      agreed++;
    }
    expect(agreed).toBe(400);
    // Both verdicts were met, so both were compared.
    expect(invalid).toBeGreaterThan(50);
    expect(invalid).toBeLessThan(400);
  });

  test('a character cut at the very end of the file is not valid', () => {
    const check = new Utf8Check();
    check.push(hex('41 e2 82'));
    expect(check.valid).toBe(true);
    check.push(new Uint8Array(0), true);
    expect(check.valid).toBe(false);
  });
});
