// A file's bytes, read a slice at a time into one buffer that is used again for the next slice: a
// stream makes a new megabyte for each slice (90 of them for a 4.8M-row list), which stays taken until
// the collector runs. The caller uses (decodes) each slice before it asks for the next.
import fs from 'node:fs';

export async function* fileBytes(file: string, slice = 1 << 20): AsyncGenerator<Uint8Array> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(slice);
    for (;;) {
      const { bytesRead } = await fd.read(buf, 0, slice, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fd.close();
  }
}
