// The text encoding of an imported file (CSV, DMS export, VIN list), detected as a person would want:
// a BOM says it (UTF-8, UTF-16 LE/BE); without one, every other byte zero is UTF-16, bytes that are
// valid UTF-8 are UTF-8, and anything else is Windows-1252 (what Windows DMSs and Excel's "CSV" write).
// TextDecoder only (no node:), so the window and the CLI read a file the same way.
import { z } from '../lazy-zod';

// The WHATWG TextDecoder, global in Node and in every browser (shared/ is typed without DOM or Node).
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string };

export const FileEncoding = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252']);
export type FileEncoding = z.output<typeof FileEncoding>;

/** What the preview says: "Read as Windows-1252." */
export const ENCODING_LABEL: Record<FileEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a BOM',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};
export const encodingSentence = (e: FileEncoding): string => `Read as ${ENCODING_LABEL[e]}.`;

/** The TextDecoder label for an encoding (a BOM is skipped by the decoder itself). */
export const decoderLabel = (e: FileEncoding): string => (e === 'utf-8-bom' ? 'utf-8' : e);

/**
 * What the first bytes say, when they say it: a BOM, or UTF-16 without one (every other byte zero in
 * ASCII text). null: look at the whole file (UTF-8 if valid, else Windows-1252).
 */
export function sniffEncoding(head: Uint8Array): FileEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 4) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const pairs = n / 2;
    if (oddZero > pairs * 0.4 && evenZero === 0) return 'utf-16le';
    if (evenZero > pairs * 0.4 && oddZero === 0) return 'utf-16be';
  }
  return null;
}

/**
 * Checks UTF-8 validity chunk by chunk (a character split across chunks is fine), accepting exactly
 * what a fatal TextDecoder accepts (the Unicode standard's table of well-formed byte sequences: no
 * overlong forms, no surrogates, nothing above U+10FFFF). It reads the bytes and makes nothing: a
 * decoder would make a string of every chunk only to drop it, 90 MB of garbage for a list of 4.8M
 * VINs, which the process's peak memory then held or not as the collector's timing went.
 */
export class Utf8Check {
  valid = true;
  /** Continuation bytes still owed by the character the last chunk cut. */
  private need = 0;
  /** The range the next continuation byte must be in (narrower than 80-BF right after some leads). */
  private lo = 0x80;
  private hi = 0xbf;

  push(chunk: Uint8Array, last = false): void {
    if (this.valid) this.valid = this.scan(chunk);
    if (last && this.need > 0) this.valid = false;
  }

  private scan(b: Uint8Array): boolean {
    const n = b.length;
    let i = 0;
    let { need, lo, hi } = this;
    // A 4-byte-aligned view of the chunk, for reading ASCII text (almost every file) a word at a time.
    const head = (4 - (b.byteOffset & 3)) & 3;
    const words = n > head + 4 ? new Uint32Array(b.buffer, b.byteOffset + head, (n - head) >> 2) : null;
    const wordsEnd = words ? head + words.length * 4 : 0;
    while (i < n) {
      if (need > 0) {
        const c = b[i++]!;
        if (c < lo || c > hi) return false;
        lo = 0x80;
        hi = 0xbf;
        need--;
        continue;
      }
      if (words && i >= head && i < wordsEnd && ((i - head) & 3) === 0) {
        let w = (i - head) >> 2;
        while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
        const next = head + w * 4;
        if (next > i) {
          i = next;
          continue;
        }
      }
      const c = b[i++]!;
      if (c < 0x80) continue;
      if (c >= 0xc2 && c <= 0xdf) need = 1;
      else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c === 0xe0) lo = 0xa0;
        else if (c === 0xed) hi = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c === 0xf0) lo = 0x90;
        else if (c === 0xf4) hi = 0x8f;
      } else return false;
    }
    this.need = need;
    this.lo = lo;
    this.hi = hi;
    return true;
  }
}

/** A whole file's bytes as text, with the encoding it was read in. */
export function decodeFile(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  let encoding = sniffEncoding(bytes.subarray(0, 4096));
  if (!encoding) {
    const check = new Utf8Check();
    check.push(bytes, true);
    encoding = check.valid ? 'utf-8' : 'windows-1252';
  }
  return { text: new TextDecoder(decoderLabel(encoding)).decode(bytes), encoding };
}
