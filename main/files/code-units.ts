// A text's UTF-16 code units (what charCodeAt gives), a window at a time, in a typed array that is used
// again for the next window. A hot loop over a million lines reads them so: charCodeAt checks the
// string's representation (flat or not, one byte a character or two) at every character, a third of
// a VIN list's reading. The units are copied as they are (a lone surrogate too): a position in the
// window is the same character's position in the text, less the window's start.

/** Whether this machine stores a 16-bit number's low byte first (Buffer's utf16le does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class CodeUnits {
  private readonly bytes: Buffer;
  /** The window's units: the first `count` are the text's from the start given to load(). */
  readonly units: Uint16Array;
  count = 0;

  constructor(readonly size = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(size * 2);
    this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, size);
  }

  /** The units of `text` from `from`: `size` of them, or as many as are left. */
  load(text: string, from: number): Uint16Array {
    const n = Math.max(0, Math.min(this.size, text.length - from));
    this.count = n;
    if (n > 0) {
      this.bytes.write(n === text.length ? text : text.slice(from, from + n), 0, n * 2, 'utf16le');
      if (!LITTLE_ENDIAN) this.bytes.subarray(0, n * 2).swap16();
    }
    return this.units;
  }
}
