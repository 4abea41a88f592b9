// A file named on the command line, read as text the way every command reads one (the imports, check):
// its encoding detected first (shared/imports/encoding.ts), then decoded a chunk at a time.
import fs from 'node:fs';
import { type FileEncoding, sniffEncoding, Utf8Check } from '../../shared/imports/encoding';
import { decodedChunks } from '../files/decoded-chunks';
import { fileBytes } from '../files/file-bytes';
import { UsageError } from './runtime-errors';

/**
 * The file as a stream of text chunks, in the encoding detected first (a BOM, UTF-16 without one, else
 * UTF-8 if every byte of it is valid UTF-8, else Windows-1252): memory stays bounded whatever its size.
 */
export function readChunks(file: string): { chunks: AsyncIterable<string>; encoding: FileEncoding; bytes: number } {
  let encoding: FileEncoding;
  let bytes: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`Cannot read ${file}: it is not a file.`);
    bytes = stat.size;
    encoding = detectFileEncoding(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
  }
  const chunks = {
    async *[Symbol.asyncIterator]() {
      // Opened when read: a desk uploads the file instead.
      try {
        yield* decodedChunks(fileBytes(file), encoding);
      } catch (err) {
        throw new UsageError(`Cannot read ${file}: ${(err as Error).message}.`);
      }
    },
  };
  return { chunks, encoding, bytes };
}

/** The first bytes, else one pass over the file checking UTF-8 (1 MB at a time). */
function detectFileEncoding(file: string): FileEncoding {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n = fs.readSync(fd, buf, 0, buf.length, null);
    const sniffed = sniffEncoding(buf.subarray(0, Math.min(n, 4096)));
    if (sniffed) return sniffed;
    const check = new Utf8Check();
    while (n > 0 && check.valid) {
      check.push(buf.subarray(0, n));
      n = fs.readSync(fd, buf, 0, buf.length, null);
    }
    check.push(new Uint8Array(0), true);
    return check.valid ? 'utf-8' : 'windows-1252';
  } finally {
    fs.closeSync(fd);
  }
}
