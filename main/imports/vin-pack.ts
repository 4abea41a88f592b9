// A checked VIN packed for sorting: six 16-bit words, three characters a word. The list's hot loop
// checks a VIN cell and packs it in one read of its 17 characters (packCleanVin), by the tables
// cleanVinAt itself reads (shared/vin.ts): the VIN rules stay there, and say the same here.
import { CLEAN_VIN_TABLES } from '../../shared/vin';

/** Bytes a VIN takes: a checked VIN is 17 ASCII letters and digits. */
export const VIN_BYTES = 17;

/**
 * A VIN waiting to be sorted is packed in six 16-bit words: positions 1-3, 4-6 ... 13-15 three characters
 * a word (36 x 36 x 36 < 65,536), 16-17 in the sixth; a character is its place among the 36 digits and
 * letters, so the words compare as the VINs do. 12 bytes a VIN, not 17: the sort moves less and the
 * buffers take less memory (taking memory from the system was a large part of a preview's time on a
 * virtual machine), and each word is one radix pass's digit as it stands.
 */
export const WORDS = 6;
/** The packed VIN's 32-bit words. */
export const PACKED = WORDS / 2;
/** A packed word's values. */
export const BUCKETS = 36 * 36 * 36;

/** A VIN character's place among the 36 digits and letters, in ASCII order (a checked VIN has no other). */
const RANK = new Uint8Array(256);
for (let c = 0; c < 256; c++) RANK[c] = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
const charOfRank = (r: number) => (r < 10 ? 48 + r : 55 + r);

/** Packs the checked VIN of `text` at `from` into `words` from `at`. */
export function packVin(text: string, from: number, words: Uint16Array, at: number): void {
  for (let k = 0, p = from; k < WORDS - 1; k++, p += 3) {
    words[at + k] = RANK[text.charCodeAt(p)]! * 1296 + RANK[text.charCodeAt(p + 1)]! * 36 + RANK[text.charCodeAt(p + 2)]!;
  }
  words[at + WORDS - 1] = RANK[text.charCodeAt(from + 15)]! * 36 + RANK[text.charCodeAt(from + 16)]!;
}

/** Character codes a table covers: a VIN character is ASCII. */
const CODES = 128;
let table: Int16Array | null = null;

/**
 * For position p (0-16) and character code c, at p * CODES + c: -1 where cleanVinAt refuses c at p,
 * else c's check-digit value times p's weight, shifted left by 6, and c's RANK. Made on first use from
 * the very arrays cleanVinAt reads (shared/vin.ts): the VIN rules stay there.
 */
export function cleanTable(): Int16Array {
  if (table) return table;
  const { allowedAt, values, weights } = CLEAN_VIN_TABLES;
  const t = new Int16Array(VIN_BYTES * CODES).fill(-1);
  for (let p = 0; p < VIN_BYTES; p++) {
    for (let c = 0; c < CODES; c++) if (allowedAt[c]! & (1 << p)) t[p * CODES + c] = ((values[c]! * weights[p]!) << 6) | RANK[c]!;
  }
  table = t;
  return t;
}

/**
 * cleanVinAt and packVin in one read: the 17 characters from `at` of a text's code units (see
 * main/files/code-units.ts), checked as cleanVinAt checks them and, if clean, packed into `words` from
 * `to`. -1: not a clean VIN (nothing is promised of `words`); 0: clean, its check digit holds; 1: clean,
 * its check digit does not. The list's hot loop reads every character once, where it read each twice
 * (one check, one pack). `t` is cleanTable(), taken by the caller outside its hot loop: made here, its
 * making was compiled into every caller. Written out character by character, one test for all 17: a
 * loop with a test at each character took a fifth more instructions.
 */
export function packCleanUnits(u: Uint16Array, at: number, words: Uint16Array, to: number, t: Int16Array): -1 | 0 | 1 {
  if (at < 0 || at + VIN_BYTES > u.length) return -1;
  const c0 = u[at]!;
  const c1 = u[at + 1]!;
  const c2 = u[at + 2]!;
  const c3 = u[at + 3]!;
  const c4 = u[at + 4]!;
  const c5 = u[at + 5]!;
  const c6 = u[at + 6]!;
  const c7 = u[at + 7]!;
  const c8 = u[at + 8]!;
  const c9 = u[at + 9]!;
  const c10 = u[at + 10]!;
  const c11 = u[at + 11]!;
  const c12 = u[at + 12]!;
  const c13 = u[at + 13]!;
  const c14 = u[at + 14]!;
  const c15 = u[at + 15]!;
  const c16 = u[at + 16]!;
  // A VIN's characters are ASCII: any other is not (and would read past its position's table).
  if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8 | c9 | c10 | c11 | c12 | c13 | c14 | c15 | c16) >= CODES) return -1;
  const e0 = t[c0]!;
  const e1 = t[CODES + c1]!;
  const e2 = t[2 * CODES + c2]!;
  const e3 = t[3 * CODES + c3]!;
  const e4 = t[4 * CODES + c4]!;
  const e5 = t[5 * CODES + c5]!;
  const e6 = t[6 * CODES + c6]!;
  const e7 = t[7 * CODES + c7]!;
  const e8 = t[8 * CODES + c8]!;
  const e9 = t[9 * CODES + c9]!;
  const e10 = t[10 * CODES + c10]!;
  const e11 = t[11 * CODES + c11]!;
  const e12 = t[12 * CODES + c12]!;
  const e13 = t[13 * CODES + c13]!;
  const e14 = t[14 * CODES + c14]!;
  const e15 = t[15 * CODES + c15]!;
  const e16 = t[16 * CODES + c16]!;
  // A character not allowed at its position is -1 in the table.
  if ((e0 | e1 | e2 | e3 | e4 | e5 | e6 | e7 | e8 | e9 | e10 | e11 | e12 | e13 | e14 | e15 | e16) < 0) return -1;
  words[to] = (e0 & 63) * 1296 + (e1 & 63) * 36 + (e2 & 63);
  words[to + 1] = (e3 & 63) * 1296 + (e4 & 63) * 36 + (e5 & 63);
  words[to + 2] = (e6 & 63) * 1296 + (e7 & 63) * 36 + (e8 & 63);
  words[to + 3] = (e9 & 63) * 1296 + (e10 & 63) * 36 + (e11 & 63);
  words[to + 4] = (e12 & 63) * 1296 + (e13 & 63) * 36 + (e14 & 63);
  words[to + 5] = (e15 & 63) * 36 + (e16 & 63);
  const sum =
    (e0 >> 6) +
    (e1 >> 6) +
    (e2 >> 6) +
    (e3 >> 6) +
    (e4 >> 6) +
    (e5 >> 6) +
    (e6 >> 6) +
    (e7 >> 6) +
    (e8 >> 6) +
    (e9 >> 6) +
    (e10 >> 6) +
    (e11 >> 6) +
    (e12 >> 6) +
    (e13 >> 6) +
    (e14 >> 6) +
    (e15 >> 6) +
    (e16 >> 6);
  const rem = sum % 11;
  return c8 === (rem === 10 ? 88 : 48 + rem) ? 0 : 1;
}

let triples: Uint8Array | null = null;
/**
 * The characters of a packed word, three bytes a value: made on first use, not when the module loads
 * (every command loads it; making it was 5-10% of a lookup's CPU).
 */
function triplesTable(): Uint8Array {
  if (triples) return triples;
  const t = new Uint8Array(BUCKETS * 3);
  for (let v = 0; v < BUCKETS; v++) {
    t[v * 3] = charOfRank(Math.floor(v / 1296));
    t[v * 3 + 1] = charOfRank(Math.floor(v / 36) % 36);
    t[v * 3 + 2] = charOfRank(v % 36);
  }
  triples = t;
  return t;
}

/** The VINs of packed rows [from, to) (`stride` 32-bit words apart) as text, end to end, into `out`. */
export function unpackVins(rows: Uint32Array, from: number, to: number, out: Buffer, stride = PACKED): void {
  const words = new Uint16Array(rows.buffer, rows.byteOffset, rows.length * 2);
  const TRIPLES = triplesTable();
  for (let i = from, o = 0; i < to; i++) {
    const at = i * stride * 2;
    for (let w = 0; w < WORDS - 1; w++, o += 3) {
      const t = words[at + w]! * 3;
      out[o] = TRIPLES[t]!;
      out[o + 1] = TRIPLES[t + 1]!;
      out[o + 2] = TRIPLES[t + 2]!;
    }
    // The sixth word holds two characters: the last two of its triple.
    const t = words[at + WORDS - 1]! * 3;
    out[o++] = TRIPLES[t + 1]!;
    out[o++] = TRIPLES[t + 2]!;
  }
}
