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
 * cleanVinAt and packVin in one read: the 17 characters of `text` from `at`, checked as cleanVinAt
 * checks them and, if clean, packed into `words` from `to`. -1: not a clean VIN (nothing is promised
 * of `words`); 0: clean, its check digit holds; 1: clean, its check digit does not. The list's hot loop
 * reads every character once, where it read each twice (one check, one pack). `t` is cleanTable(),
 * taken by the caller outside its hot loop: made here, its making was compiled into every caller.
 */
export function packCleanVin(text: string, at: number, words: Uint16Array, to: number, t: Int16Array): -1 | 0 | 1 {
  if (at < 0 || at + VIN_BYTES > text.length) return -1;
  let sum = 0;
  for (let k = 0, p = at, row = 0; k < WORDS; k++) {
    // The sixth word holds positions 16 and 17: its first character is taken as a 0.
    let a = 0;
    if (k < WORDS - 1) {
      const c = text.charCodeAt(p++);
      if (c >= CODES) return -1;
      a = t[row + c]!;
      if (a < 0) return -1;
      row += CODES;
    }
    const cb = text.charCodeAt(p++);
    const cc = text.charCodeAt(p++);
    if ((cb | cc) >= CODES) return -1;
    const b = t[row + cb]!;
    const c = t[row + CODES + cc]!;
    if ((b | c) < 0) return -1;
    row += 2 * CODES;
    sum += (a >> 6) + (b >> 6) + (c >> 6);
    words[to + k] = (a & 63) * 1296 + (b & 63) * 36 + (c & 63);
  }
  const rem = sum % 11;
  return text.charCodeAt(at + 8) === (rem === 10 ? 88 : 48 + rem) ? 0 : 1;
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
